// Operations alerts on what the node itself reports to Application Insights through OpenTelemetry (docs/observability.md):
// partner deliveries dead-lettered (by reason; beside the Service Bus metric in alerts.bicep, which also counts what
// the broker dead-lettered by itself), a NACK rate above normal, movements gone overdue or under enquiry, and a
// readiness probe answering 503. Log search alerts over the workspace-based Application Insights tables.

@description('Application Insights the node exports to (APPLICATIONINSIGHTS_CONNECTION_STRING).')
param appInsightsName string

@description('Short name of the node, for the alert names.')
param nodeName string

param location string

@description('Action group notified (empty: the alerts fire in Azure Monitor only).')
param actionGroupId string = ''

@description('NACKs answered in 15 minutes above which the NACK rate alert fires.')
param nackThreshold int = 20

param tags object

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

var rules = [
  {
    key: 'dead-letters'
    severity: 2
    description: 'A partner delivery was dead-lettered (c2c.deadletters): fix the cause (e.g. register the partner certificate), then replay it (POST /api/v1/ops/dead-letters/{family}/replay).'
    query: 'customMetrics | where name == "c2c.deadletters" | summarize Count = sum(valueSum) by Reason = tostring(customDimensions.reason)'
    threshold: 0
  }
  {
    key: 'nack-rate'
    severity: 3
    description: 'More NACKs than usual (c2c.nacks): a partner or an office system sends what the node refuses.'
    query: 'customMetrics | where name == "c2c.nacks" | summarize Count = sum(valueSum) by Code = tostring(customDimensions.code)'
    threshold: nackThreshold
  }
  {
    key: 'overdue-movements'
    severity: 2
    description: 'Movements went overdue or under enquiry (c2c.movements.transitions): see the console operations view.'
    query: 'customMetrics | where name == "c2c.movements.transitions" and tostring(customDimensions.status) in ("Overdue", "UnderEnquiry", "EnquiryUnresolved") | summarize Count = sum(valueSum) by Status = tostring(customDimensions.status)'
    threshold: 0
  }
  {
    key: 'readiness'
    severity: 1
    description: 'The node answered /health/ready with 503: its signing certificate, storage, broker subscriptions or durable backend is not usable.'
    query: 'requests | where url has "/health/ready" and resultCode == "503" | summarize Count = count()'
    threshold: 0
  }
]

resource alerts 'Microsoft.Insights/scheduledQueryRules@2023-03-15-preview' = [for rule in rules: {
  name: 'alert-c2c-${nodeName}-${rule.key}'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'c2c ${nodeName}: ${rule.key}'
    description: rule.description
    severity: rule.severity
    enabled: true
    scopes: [
      appInsights.id
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      allOf: [
        {
          query: rule.query
          timeAggregation: 'Total'
          metricMeasureColumn: 'Count'
          operator: 'GreaterThan'
          threshold: rule.threshold
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    actions: {
      actionGroups: empty(actionGroupId) ? [] : [
        actionGroupId
      ]
    }
  }
}]
