// Operations alert: a partner delivery refused by the node (bad signature, wrong sender, invalid message) or given up
// after MaxDeliveryCount lands in a dead-letter queue. The node also lists refusals in its auditor console; this
// alert reaches people who are not looking at it.

@description('Service Bus namespace whose dead-letter queues are watched.')
param namespaceName string

@description('Short name of the node, for the alert names.')
param nodeName string

@description('E-mail address notified when a message is dead-lettered; empty: the alert fires in Azure Monitor only.')
param alertEmail string

param tags object

resource namespace 'Microsoft.ServiceBus/namespaces@2024-01-01' existing = {
  name: namespaceName
}

resource opsGroup 'Microsoft.Insights/actionGroups@2023-01-01' = if (!empty(alertEmail)) {
  name: 'ag-c2c-${nodeName}-ops'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: take('c2c${nodeName}ops', 12)
    enabled: true
    emailReceivers: [
      {
        name: 'ops'
        emailAddress: alertEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

resource deadLettered 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: 'alert-c2c-${nodeName}-dead-lettered'
  location: 'global'
  tags: tags
  properties: {
    description: 'A message was dead-lettered on the inbound topic: see the auditor console alerts and the subscription dead-letter queues.'
    severity: 2
    enabled: true
    scopes: [
      namespace.id
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          name: 'DeadLetteredMessages'
          criterionType: 'StaticThresholdCriterion'
          metricNamespace: 'Microsoft.ServiceBus/namespaces'
          metricName: 'DeadletteredMessages'
          operator: 'GreaterThan'
          threshold: 0
          timeAggregation: 'Maximum'
        }
      ]
    }
    actions: empty(alertEmail) ? [] : [
      {
        actionGroupId: opsGroup.id
      }
    ]
  }
}

@description('The operations action group (empty when no e-mail is configured), for the telemetry alerts too.')
output actionGroupId string = empty(alertEmail) ? '' : opsGroup.id
