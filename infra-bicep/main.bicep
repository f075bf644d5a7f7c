// One country node of the C2C Transit Exchange on Azure (deployed per environment and country into a resource group):
// storage (WORM archive + index tables), the country's inbound Service Bus topic, the Function App on Flex
// Consumption with its managed identity and least-privilege roles, Key Vault, Application Insights, Log Analytics.
// Deploy: az deployment group create -g <rg> -f infra-bicep/main.bicep -p infra-bicep/params/dev.tg.bicepparam

targetScope = 'resourceGroup'

import { inboundPartner, outboundDestination } from 'modules/partners.bicep'
import { keyVaultOfficer } from 'modules/keyvault.bicep'

@description('Environment: dev or prod.')
@allowed([
  'dev'
  'prod'
])
param environmentName string

@description('ISO 3166-1 alpha-2 code of the administration running this node (any case), e.g. TG.')
@minLength(2)
@maxLength(2)
param country string

@description('Azure region of every resource.')
param location string = resourceGroup().location

@description('Service Bus tier: Standard, or Premium for isolation and private networking.')
@allowed([
  'Standard'
  'Premium'
])
param serviceBusSku string = 'Standard'

@description('Largest message our topic takes on Premium (KB). Standard is fixed at 256 KB. Tell partners (output inboundMaxMessageKilobytes).')
@minValue(1024)
@maxValue(102400)
param serviceBusPremiumMaxMessageKilobytes int = 1024

@description('Deliveries of a message before it is dead-lettered.')
@minValue(1)
@maxValue(2000)
param maxDeliveryCount int = 10

@description('Broker-side duplicate detection window (ISO 8601 duration, at most P7D).')
param duplicateDetectionWindow string = 'PT1H'

@description('Time to live of an undelivered message (ISO 8601 duration); expired messages are dead-lettered.')
param messageTimeToLive string = 'P14D'

@description('Days each archived message stays immutable (container-level time-based WORM retention).')
@minValue(1)
@maxValue(146000)
param archiveRetentionDays int

@description('Set to true once the archive retention policy has been locked (irreversible): Bicep then stops managing it.')
param archiveRetentionLocked bool = false

@description('Service Bus namespace name (globally unique). Partners send to it: set it in the parameter file and tell them.')
@minLength(6)
@maxLength(50)
param serviceBusNamespaceName string = 'sb-c2c-${environmentName}-${toLower(country)}-${take(uniqueString(resourceGroup().id, environmentName, toLower(country)), 6)}'

@description('Partners allowed to send to our inbound topic c2c.{cc}: Data Sender for their identity and/or a send-only SAS rule.')
param inboundPartners inboundPartner[] = []

@description('Where we send each partner\'s messages: its namespace, and the SAS rule it gave us (key in our Key Vault) or our identity.')
param outboundDestinations outboundDestination[] = []

@description('Days Log Analytics keeps logs.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

@description('Days a deleted Key Vault or certificate can be recovered.')
@minValue(7)
@maxValue(90)
param keyVaultSoftDeleteDays int = 90

@description('Key Vault purge protection. On in prod; off in dev, so a deleted dev vault can be purged and its name reused (docs/deployment.md).')
param keyVaultPurgeProtection bool = true

@description('Who imports the signing certificate and stores partners\' SAS keys (Key Vault Certificates and Secrets Officer): the deploying principal or an operations group.')
param keyVaultOfficers keyVaultOfficer[] = []

@description('FlexConsumption (serverless) or Dedicated (App Service plan). Certificate-only production (allowApiKeys false) needs Dedicated: client certificates are documented on App Service plans, not on Flex Consumption (docs/deployment.md).')
@allowed([
  'FlexConsumption'
  'Dedicated'
])
param hostingPlan string = 'FlexConsumption'

@description('App Service plan SKU when hostingPlan is Dedicated (Linux; client certificates need Basic or higher).')
param dedicatedSku string = 'P1v3'

@description('Most Flex Consumption instances.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Flex Consumption instances always ready for each of http, durable and the hand-off function (at least 1: the Service Bus processor is no trigger, see docs/deployment.md).')
@minValue(1)
param alwaysReadyInstances int = 1

@description('Memory per Flex Consumption instance (MB).')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('More non-secret app settings for the node (offices, partner registry, corridor days).')
param nodeSettings object = {}

@description('Accept API keys (X-Api-Key) besides client certificates; false in production: certificates only.')
param allowApiKeys bool = true

@description('E-mail notified when a message is dead-lettered (empty: the alert fires in Azure Monitor only).')
param alertEmail string = ''

var cc = toLower(country)
var suffix = take(uniqueString(resourceGroup().id, environmentName, cc), 6)
var tags = {
  application: 'c2c-transit-exchange'
  environment: environmentName
  country: toUpper(country)
}
var names = {
  storage: take('stc2c${environmentName}${cc}${uniqueString(resourceGroup().id, environmentName, cc)}', 24)
  keyVault: 'kv-c2c-${environmentName}-${cc}-${suffix}'
  workspace: 'log-c2c-${environmentName}-${cc}'
  appInsights: 'appi-c2c-${environmentName}-${cc}'
  plan: 'asp-c2c-${environmentName}-${cc}'
  functionApp: 'func-c2c-${environmentName}-${cc}-${suffix}'
  // ARCHITECTURE decision 3: each node owns the inbound topic c2c.{cc}.
  topic: 'c2c.${cc}'
  deploymentContainer: 'deployment-package'
  // Durable Functions task hub of the node (host.json hubName %C2C_TASK_HUB%, docs/durable-engine.md).
  taskHub: 'c2c${cc}'
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    workspaceName: names.workspace
    appInsightsName: names.appInsights
    location: location
    retentionDays: logRetentionDays
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    accountName: names.storage
    location: location
    nodeName: cc
    archiveRetentionDays: archiveRetentionDays
    archiveRetentionLocked: archiveRetentionLocked
    taskHubName: names.taskHub
    deploymentContainerName: names.deploymentContainer
    workspaceId: monitoring.outputs.workspaceId
    tags: tags
  }
}

module serviceBus 'modules/servicebus.bicep' = {
  name: 'servicebus'
  params: {
    namespaceName: serviceBusNamespaceName
    location: location
    sku: serviceBusSku
    premiumMaxMessageKilobytes: serviceBusPremiumMaxMessageKilobytes
    topicName: names.topic
    duplicateDetectionWindow: duplicateDetectionWindow
    maxDeliveryCount: maxDeliveryCount
    messageTimeToLive: messageTimeToLive
    inboundPartners: inboundPartners
    workspaceId: monitoring.outputs.workspaceId
    tags: tags
  }
}

module alerts 'modules/alerts.bicep' = {
  name: 'alerts'
  params: {
    namespaceName: serviceBus.outputs.namespaceName
    nodeName: cc
    alertEmail: alertEmail
    tags: tags
  }
}

module telemetryAlerts 'modules/telemetry-alerts.bicep' = {
  name: 'telemetry-alerts'
  params: {
    appInsightsName: monitoring.outputs.appInsightsName
    nodeName: cc
    location: location
    actionGroupId: alerts.outputs.actionGroupId
    tags: tags
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    vaultName: names.keyVault
    location: location
    softDeleteRetentionDays: keyVaultSoftDeleteDays
    officers: keyVaultOfficers
    purgeProtection: keyVaultPurgeProtection
    workspaceId: monitoring.outputs.workspaceId
    tags: tags
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  params: {
    appName: names.functionApp
    planName: names.plan
    hostingPlan: hostingPlan
    dedicatedSku: dedicatedSku
    location: location
    country: toUpper(country)
    storageAccountName: storage.outputs.accountName
    blobServiceUri: storage.outputs.blobServiceUri
    tableServiceUri: storage.outputs.tableServiceUri
    deploymentContainerName: storage.outputs.deploymentContainerName
    serviceBusFullyQualifiedNamespace: serviceBus.outputs.fullyQualifiedNamespace
    taskHubName: names.taskHub
    keyVaultUri: keyVault.outputs.vaultUri
    outboundDestinations: outboundDestinations
    appInsightsConnectionString: monitoring.outputs.appInsightsConnectionString
    workspaceId: monitoring.outputs.workspaceId
    maximumInstanceCount: maximumInstanceCount
    alwaysReadyInstances: alwaysReadyInstances
    instanceMemoryMB: instanceMemoryMB
    allowApiKeys: allowApiKeys
    nodeSettings: nodeSettings
    tags: tags
  }
}

module appAccess 'modules/app-access.bicep' = {
  name: 'app-access'
  params: {
    principalId: functionApp.outputs.principalId
    storageAccountName: storage.outputs.accountName
    archiveContainerName: storage.outputs.archiveContainerName
    deploymentContainerName: storage.outputs.deploymentContainerName
    flexConsumption: hostingPlan == 'FlexConsumption'
    hostContainerNames: storage.outputs.hostContainerNames
    serviceBusNamespaceName: serviceBus.outputs.namespaceName
    inboundTopicName: serviceBus.outputs.topicName
    keyVaultName: keyVault.outputs.vaultName
    appInsightsName: monitoring.outputs.appInsightsName
  }
}

output functionAppName string = functionApp.outputs.appName
output functionAppHostName string = functionApp.outputs.defaultHostName
output hostingPlan string = functionApp.outputs.hostingPlan
output functionAppPrincipalId string = functionApp.outputs.principalId
output storageAccountName string = storage.outputs.accountName
output durableTaskHubName string = names.taskHub
output serviceBusNamespace string = serviceBus.outputs.fullyQualifiedNamespace
output inboundTopicName string = serviceBus.outputs.topicName
output inboundMaxMessageKilobytes int = serviceBus.outputs.maxMessageKilobytes
output partnerSasRuleNames array = serviceBus.outputs.sasRuleNames
output keyVaultName string = keyVault.outputs.vaultName
output keyVaultUri string = keyVault.outputs.vaultUri
