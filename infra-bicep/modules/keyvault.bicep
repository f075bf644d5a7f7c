// Key Vault for the node's message signing certificate (private key never leaves Azure) and the partners'
// public certificates. RBAC only (no access policies), soft delete, purge protection where asked (prod). The officers (people or the
// deploying principal) import the certificate and store the SAS keys partners give us; the app only reads.

import { builtInRoles } from 'roles.bicep'

@export()
@description('Who may import the signing certificate and store partners\' SAS keys.')
type keyVaultOfficer = {
  @description('Object ID of a user, a group (e.g. the operations team) or a service principal (e.g. the deploying one).')
  principalId: string
  principalType: 'User' | 'Group' | 'ServicePrincipal'
}

@description('Key Vault name (3-24 characters).')
@minLength(3)
@maxLength(24)
param vaultName string

@description('Azure region.')
param location string

@description('Days a deleted vault or object can be recovered.')
@minValue(7)
@maxValue(90)
param softDeleteRetentionDays int

@description('Purge protection: a deleted vault cannot be purged before the soft-delete period ends (irreversible once on).')
param purgeProtection bool

@description('Key Vault Certificates Officer and Secrets Officer on this vault.')
param officers keyVaultOfficer[]

@description('Log Analytics workspace for the vault audit log.')
param workspaceId string

param tags object

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: vaultName
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionDays
    // The API takes true or nothing (it cannot be turned off): left out where not wanted, so a disposable vault
    // can be purged and its name reused at once.
    enablePurgeProtection: purgeProtection ? true : null
    enabledForDeployment: false
    enabledForDiskEncryption: false
    enabledForTemplateDeployment: false
    publicNetworkAccess: 'Enabled'
  }
}

resource certificateOfficers 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for o in officers: {
    name: guid(vault.id, o.principalId, builtInRoles.keyVaultCertificatesOfficer)
    scope: vault
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', builtInRoles.keyVaultCertificatesOfficer)
      principalId: o.principalId
      principalType: o.principalType
      description: 'Imports and renews the signing certificate'
    }
  }
]

resource secretsOfficers 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for o in officers: {
    name: guid(vault.id, o.principalId, builtInRoles.keyVaultSecretsOfficer)
    scope: vault
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', builtInRoles.keyVaultSecretsOfficer)
      principalId: o.principalId
      principalType: o.principalType
      description: 'Stores the SAS keys partners give us (servicebus-send-{cc})'
    }
  }
]

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: vault
  properties: {
    workspaceId: workspaceId
    logs: [{ categoryGroup: 'audit', enabled: true }]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

output vaultName string = vault.name
output vaultUri string = vault.properties.vaultUri
