// The node's storage account: the message archive (container under time-based WORM retention), the movement
// index tables, the Functions host and Durable task hub containers, the hand-off queue and the Flex Consumption
// deployment container.
// Shared-key access is off: every client (node, Functions host, deployment) authenticates with Entra ID.

@description('Storage account name (3-24 lowercase letters and digits).')
@minLength(3)
@maxLength(24)
param accountName string

@description('Azure region.')
param location string

@description('Node name as the app uses it (StorageNames.For): lowercase letters and digits.')
@minLength(1)
@maxLength(20)
param nodeName string

@description('Days every archived message stays immutable (time-based retention, WORM).')
@minValue(1)
@maxValue(146000)
param archiveRetentionDays int

@description('True once the retention policy is locked: a locked policy refuses a PUT, so Bicep leaves it alone.')
param archiveRetentionLocked bool

@description('Durable Functions task hub of the node (Azure Storage provider, in this account): its blob containers are created here.')
@minLength(3)
@maxLength(45)
param taskHubName string

@description('Container that holds the Flex Consumption deployment package.')
param deploymentContainerName string

@description('Log Analytics workspace for the blob and table service diagnostics.')
param workspaceId string

param tags object

// Same names as C2C.Adapters.Storage.StorageNames.For(nodeName).
var archiveContainerName = 'archive-${nodeName}'
var tableNames = [
  'movements${nodeName}'
  'messages${nodeName}'
  'lookups${nodeName}'
  'guarantees${nodeName}'
  'figures${nodeName}'
]
// The Functions host keeps its locks (azure-webjobs-hosts) and its keys
// (azure-webjobs-secrets) in AzureWebJobsStorage; the Durable task hub (Azure Storage provider) keeps its partition
// and app leases and its large messages in {hub}-leases, {hub}-applease, {hub}-largemessages; the node's hand-off
// door keeps a message too large for a queue message in {hub}-handoff until the hand-off function took it. Created
// here so the app's blob rights can stay per container: the archive is in the same account (docs/deployment.md).
var handOffName = '${toLower(taskHubName)}-handoff'
var hostContainerNames = [
  'azure-webjobs-hosts'
  'azure-webjobs-secrets'
  '${toLower(taskHubName)}-leases'
  '${toLower(taskHubName)}-applease'
  '${toLower(taskHubName)}-largemessages'
  handOffName
]

resource account 'Microsoft.Storage/storageAccounts@2024-01-01' = {
  name: accountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: 'Standard_ZRS' }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    allowCrossTenantReplication: false
    defaultToOAuthAuthentication: true
    publicNetworkAccess: 'Enabled'
    accessTier: 'Hot'
    encryption: {
      keySource: 'Microsoft.Storage'
      requireInfrastructureEncryption: true
      services: {
        blob: { enabled: true, keyType: 'Account' }
        table: { enabled: true, keyType: 'Account' }
      }
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2024-01-01' = {
  parent: account
  name: 'default'
  properties: {
    isVersioningEnabled: true
    deleteRetentionPolicy: { enabled: true, days: 30 }
    containerDeleteRetentionPolicy: { enabled: true, days: 30 }
  }
}

resource archive 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = {
  parent: blobService
  name: archiveContainerName
  properties: { publicAccess: 'None' }
}

// Time-based retention on the whole archive container: blobs can be created and read, never overwritten
// or deleted until the period has passed. Locking the policy is a separate, irreversible step (docs/deployment.md);
// afterwards the period can only be extended (az storage container immutability-policy extend), not PUT again.
resource archiveRetention 'Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies@2024-01-01' = if (!archiveRetentionLocked) {
  parent: archive
  name: 'default'
  properties: {
    immutabilityPeriodSinceCreationInDays: archiveRetentionDays
    allowProtectedAppendWrites: false
  }
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: { publicAccess: 'None' }
}

resource hostContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = [
  for name in hostContainerNames: {
    parent: blobService
    name: name
    properties: { publicAccess: 'None' }
  }
]

// A large message's blob is deleted once handed over; one left by a note that went to the poison queue (the ingest
// sent the message again meanwhile) is deleted after a day, with its versions (blob versioning is on).
resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2024-01-01' = {
  parent: account
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'handoff-leftovers'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: ['blockBlob']
              prefixMatch: ['${handOffName}/']
            }
            actions: {
              baseBlob: { delete: { daysAfterCreationGreaterThan: 1 } }
              version: { delete: { daysAfterCreationGreaterThan: 1 } }
            }
          }
        }
      ]
    }
  }
  dependsOn: [hostContainers]
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2024-01-01' = {
  parent: account
  name: 'default'
}

// The hand-off queue the ingest writes to and the MovementDoor function is triggered by (%C2C_TASK_HUB%-handoff).
// The task hub's own queues and the poison queue are created at run time (Storage Queue Data Contributor).
resource handOffQueue 'Microsoft.Storage/storageAccounts/queueServices/queues@2024-01-01' = {
  parent: queueService
  name: handOffName
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2024-01-01' = {
  parent: account
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2024-01-01' = [
  for name in tableNames: {
    parent: tableService
    name: name
  }
]

resource blobDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: blobService
  properties: {
    workspaceId: workspaceId
    logs: [{ categoryGroup: 'allLogs', enabled: true }]
    metrics: [{ category: 'Transaction', enabled: true }]
  }
}

resource tableDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: tableService
  properties: {
    workspaceId: workspaceId
    logs: [{ categoryGroup: 'allLogs', enabled: true }]
    metrics: [{ category: 'Transaction', enabled: true }]
  }
}

output accountName string = account.name
output blobServiceUri string = account.properties.primaryEndpoints.blob
output tableServiceUri string = account.properties.primaryEndpoints.table
output archiveContainerName string = archive.name
output deploymentContainerName string = deploymentContainer.name
output hostContainerNames array = [for (name, i) in hostContainerNames: hostContainers[i].name]
output handOffQueueName string = handOffQueue.name
output tableNames array = [for (name, i) in tableNames: tables[i].name]
