// This country's inbound topic (ARCHITECTURE decision 3): partners send to it, our node receives from one
// subscription per message family. Partners get send rights on the topic only: Data Sender for their identity
// (same tenant) and/or a send-only SAS rule (across tenants). Local (SAS) authentication stays disabled unless a
// partner has a SAS rule.

import { builtInRoles } from 'roles.bicep'
import { inboundPartner, sasRuleName } from 'partners.bicep'

@description('Service Bus namespace name.')
param namespaceName string

@description('Azure region.')
param location string

@description('Namespace tier. Premium gives isolation, larger messages and private networking.')
@allowed([
  'Standard'
  'Premium'
])
param sku string

@description('Largest message our topic takes on Premium, in KB (Standard is fixed at 256).')
@minValue(1024)
@maxValue(102400)
param premiumMaxMessageKilobytes int

@description('Inbound topic of this country: c2c.{cc}.')
param topicName string

@description('Window in which a repeated MessageId is dropped by the broker (ISO 8601 duration, at most 7 days).')
param duplicateDetectionWindow string

@description('Deliveries before a message goes to the dead-letter queue.')
@minValue(1)
@maxValue(2000)
param maxDeliveryCount int

@description('How long an undelivered message lives before it is dead-lettered (ISO 8601 duration).')
param messageTimeToLive string

@description('Partner administrations allowed to send to our topic, and to nothing else.')
param inboundPartners inboundPartner[]

@description('Log Analytics workspace for the namespace diagnostics.')
param workspaceId string

param tags object

// Subscription name → value of the application property "family" (C2C.Core.Messages.MessageFamily) it takes.
// Partners sending with their Entra ID identity, and partners with a send-only SAS rule of the topic.
var identitySenders = filter(inboundPartners, p => !empty(p.?principalId ?? ''))
var sasSenders = filter(inboundPartners, p => p.?sasRule ?? false)

var families = [
  { subscription: 'transit', family: 'Transit' }
  { subscription: 'cargo', family: 'Cargo' }
  { subscription: 'control', family: 'Control' }
]

resource namespace 'Microsoft.ServiceBus/namespaces@2024-01-01' = {
  name: namespaceName
  location: location
  tags: tags
  sku: sku == 'Premium' ? { name: 'Premium', tier: 'Premium', capacity: 1 } : { name: 'Standard', tier: 'Standard' }
  properties: {
    // SAS exists only for partners given a send-only rule; otherwise Entra ID only.
    disableLocalAuth: empty(sasSenders)
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
  }
}

resource topic 'Microsoft.ServiceBus/namespaces/topics@2024-01-01' = {
  parent: namespace
  name: topicName
  properties: {
    requiresDuplicateDetection: true
    duplicateDetectionHistoryTimeWindow: duplicateDetectionWindow
    defaultMessageTimeToLive: messageTimeToLive
    enableBatchedOperations: true
    supportOrdering: false
    // Premium only; partners' nodes refuse at ingest what would not fit (their destination's maxMessageKilobytes).
    maxMessageSizeInKilobytes: sku == 'Premium' ? premiumMaxMessageKilobytes : null
  }
}

resource subscriptions 'Microsoft.ServiceBus/namespaces/topics/subscriptions@2024-01-01' = [
  for f in families: {
    parent: topic
    name: f.subscription
    properties: {
      maxDeliveryCount: maxDeliveryCount
      lockDuration: 'PT1M'
      defaultMessageTimeToLive: messageTimeToLive
      deadLetteringOnMessageExpiration: true
      deadLetteringOnFilterEvaluationExceptions: true
      requiresSession: false
      enableBatchedOperations: true
    }
  }
]

// Named $Default so it replaces the catch-all TrueFilter the broker adds to every new subscription;
// a second rule would be OR-ed with it and every subscription would get every message.
resource familyRules 'Microsoft.ServiceBus/namespaces/topics/subscriptions/rules@2024-01-01' = [
  for (f, i) in families: {
    parent: subscriptions[i]
    name: '$Default'
    properties: {
      filterType: 'SqlFilter'
      sqlFilter: {
        sqlExpression: 'user.family = \'${f.family}\''
      }
    }
  }
]

resource partnerSenders 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for p in identitySenders: {
    name: guid(topic.id, p.principalId!, builtInRoles.serviceBusDataSender)
    scope: topic
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', builtInRoles.serviceBusDataSender)
      principalId: p.principalId!
      principalType: 'ServicePrincipal'
      description: 'Partner administration ${toUpper(p.country)}: send to ${topicName} only'
    }
  }
]

// Send only, on the topic only (no namespace-level rule). The key never appears here: the topic owner reads it
// (az servicebus topic authorization-rule keys list) and hands it to the partner, who keeps it in its Key Vault.
resource partnerSasRules 'Microsoft.ServiceBus/namespaces/topics/authorizationRules@2024-01-01' = [
  for p in sasSenders: {
    parent: topic
    name: sasRuleName(p.country)
    properties: {
      rights: ['Send']
    }
  }
]

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: namespace
  properties: {
    workspaceId: workspaceId
    logs: [{ categoryGroup: 'allLogs', enabled: true }]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

output namespaceName string = namespace.name
output fullyQualifiedNamespace string = '${namespace.name}.servicebus.windows.net'
output topicName string = topic.name
output maxMessageKilobytes int = sku == 'Premium' ? premiumMaxMessageKilobytes : 256
output sasRuleNames array = [for (p, i) in sasSenders: partnerSasRules[i].name]
output subscriptionNames array = [for (f, i) in families: subscriptions[i].name]
