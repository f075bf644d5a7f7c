// Least-privilege data-plane roles of the node's managed identity, each at the narrowest scope that works:
// blobs per container (the archive with a custom role), queues and tables on the account as the official Flex
// Consumption samples do (the Functions host and the Durable task hub create them at run time; these roles carry no
// blob action), Service Bus on our topic, Key Vault on the vault, telemetry on the Application Insights component.
// Nothing at namespace or resource-group scope.

import { builtInRoles, archiveWriterPermissions } from 'roles.bicep'

@description('Object ID of the Function App system-assigned identity.')
param principalId string

param storageAccountName string
param archiveContainerName string
param deploymentContainerName string

@description('Flex Consumption pulls its package from the deployment container with the app identity; other plans do not.')
param flexConsumption bool

@description('Containers the Functions host and the Durable task hub write through AzureWebJobsStorage (timer schedules, locks, keys, task hub leases and large messages).')
param hostContainerNames string[]

param serviceBusNamespaceName string
param inboundTopicName string
param keyVaultName string
param appInsightsName string

resource account 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: storageAccountName

  resource blobService 'blobServices' existing = {
    name: 'default'

    resource archive 'containers' existing = {
      name: archiveContainerName
    }

    resource deployment 'containers' existing = {
      name: deploymentContainerName
    }
  }

}

resource hostContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' existing = [
  for name in hostContainerNames: {
    parent: account::blobService
    name: name
  }
]

resource namespace 'Microsoft.ServiceBus/namespaces@2024-01-01' existing = {
  name: serviceBusNamespaceName

  resource topic 'topics' existing = {
    name: inboundTopicName
  }
}

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' existing = {
  name: keyVaultName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

// Archive: write new blobs with their index tags, read them, find them by tags; no delete. A custom role: no built-in
// role has exactly this (roles.bicep). Defined once per resource group, assignable there only. WORM retention (not RBAC) is what stops overwrite and delete during the retention period.
resource archiveWriterRole 'Microsoft.Authorization/roleDefinitions@2022-04-01' = {
  name: guid(resourceGroup().id, 'c2c-archive-writer')
  properties: {
    // Unique in the tenant: two subscriptions may hold resource groups of the same name.
    roleName: 'C2C archive writer (${resourceGroup().name}, ${uniqueString(resourceGroup().id)})'
    description: 'C2C node: create archive blobs with index tags, read them, find them by tags. No delete, no move, no ownership.'
    type: 'CustomRole'
    permissions: [
      {
        actions: archiveWriterPermissions.actions
        notActions: []
        dataActions: archiveWriterPermissions.dataActions
        notDataActions: []
      }
    ]
    assignableScopes: [
      resourceGroup().id
    ]
  }
}

resource archiveWriter 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account::blobService::archive.id, principalId, archiveWriterRole.name)
  scope: account::blobService::archive
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', archiveWriterRole.name)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

// Flex Consumption pulls its package from this container with the app identity.
resource deploymentReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (flexConsumption) {
  name: guid(account::blobService::deployment.id, principalId, builtInRoles.storageBlobDataOwner)
  scope: account::blobService::deployment
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', builtInRoles.storageBlobDataOwner)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

// The Functions host leases blobs in its own containers, the Durable task hub in its leases, app lease and large
// messages containers, the hand-off door keeps large messages in {hub}-handoff: Blob Data Owner, per container.
resource hostStorage 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (name, i) in hostContainerNames: {
    name: guid(hostContainers[i].id, principalId, builtInRoles.storageBlobDataOwner)
    scope: hostContainers[i]
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', builtInRoles.storageBlobDataOwner)
      principalId: principalId
      principalType: 'ServicePrincipal'
    }
  }
]

// Movement index (the five node tables), the Durable task hub's History, Instances and Partitions tables.
resource tableWriter 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account.id, principalId, builtInRoles.storageTableDataContributor)
  scope: account
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', builtInRoles.storageTableDataContributor)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

// The Durable task hub's control and work-item queues, the hand-off queue (the node sends, the MovementDoor function is
// triggered) and its poison queue.
resource queueWriter 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account.id, principalId, builtInRoles.storageQueueDataContributor)
  scope: account
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', builtInRoles.storageQueueDataContributor)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

// Inbound: the node's Service Bus processor receives from the subscriptions of our own topic only.
resource topicReceiver 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(namespace::topic.id, principalId, builtInRoles.serviceBusDataReceiver)
  scope: namespace::topic
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', builtInRoles.serviceBusDataReceiver)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

// Signing: read the node's certificate (public part) and its private key (exposed as a secret).
resource certificateUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, principalId, builtInRoles.keyVaultCertificateUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', builtInRoles.keyVaultCertificateUser)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, principalId, builtInRoles.keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', builtInRoles.keyVaultSecretsUser)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

// Telemetry with Entra ID authentication (the component has local auth disabled).
resource metricsPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, principalId, builtInRoles.monitoringMetricsPublisher)
  scope: appInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', builtInRoles.monitoringMetricsPublisher)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}
