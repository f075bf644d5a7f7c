// The node as an Azure Functions .NET isolated worker on Linux (dotnet-isolated, .NET 10): Flex Consumption
// (ARCHITECTURE decision 1), or a Dedicated App Service plan where incoming client certificates are documented
// (hostingPlan; docs/deployment.md, "Reviewed against Azure's documentation": Flex Consumption does not support the
// platform certificate features). System-assigned identity for everything: AzureWebJobsStorage (host, Durable task hub,
// hand-off queue), the Service Bus processor, the archive and index, Key Vault, Application Insights and the
// deployment package. No key or connection string with a secret: a
// partner's SAS key is a Key Vault reference the platform resolves with the app's identity.

import { outboundDestination, partnerKeySecretName } from 'partners.bicep'

@description('Function App name (globally unique host name).')
param appName string

@description('Plan name.')
param planName string

@description('FlexConsumption (serverless; incoming client certificates not documented there) or Dedicated (App Service plan; client certificates documented, required for certificate-only production).')
@allowed([
  'FlexConsumption'
  'Dedicated'
])
param hostingPlan string

@description('App Service plan SKU when hostingPlan is Dedicated (client certificates need Basic or higher).')
param dedicatedSku string

@description('Azure region.')
param location string

@description('ISO 3166-1 alpha-2 code of this node, upper case (C2C:Identity:Country).')
param country string

@description('Storage account of the node (archive, index, Functions host, deployment package).')
param storageAccountName string

param blobServiceUri string
param tableServiceUri string

@description('Blob container holding the deployment package.')
param deploymentContainerName string

@description('Fully qualified Service Bus namespace, e.g. sb-x.servicebus.windows.net.')
param serviceBusFullyQualifiedNamespace string

@description('Durable task hub of the node (host.json hubName %C2C_TASK_HUB%; its hand-off queue is {hub}-handoff).')
param taskHubName string

param keyVaultUri string

@description('Partner namespaces we send to (C2C__Messaging__ServiceBus__Destinations__{CC}__...).')
param outboundDestinations outboundDestination[]

param appInsightsConnectionString string

@description('Log Analytics workspace for the FunctionAppLogs.')
param workspaceId string

@description('Most instances Flex Consumption may scale out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int

@description('Flex Consumption instances kept running for each of the http and durable groups and the hand-off function: the Service Bus processor is no trigger and runs only where an instance runs (docs/deployment.md).')
@minValue(1)
param alwaysReadyInstances int

@description('Memory per instance (MB).')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

@description('Accept API keys besides client certificates (C2C:Authentication:AllowApiKeys).')
param allowApiKeys bool

@description('More non-secret node settings (C2C__Identity__Offices__0, C2C__Partners__BF__..., corridor days), merged last.')
param nodeSettings object

param tags object

var baseSettings = {
  C2C__Identity__Country: country
  C2C__Storage__BlobServiceUri: blobServiceUri
  C2C__Storage__TableServiceUri: tableServiceUri
  C2C__Messaging__Provider: 'ServiceBus'
  C2C__Messaging__ServiceBus__FullyQualifiedNamespace: serviceBusFullyQualifiedNamespace
  // The signing certificate's secret, resolved by the platform with the app's identity (Key Vault Secrets User).
  C2C__Identity__SigningPfxBase64: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/signing/)'
  Hosting__Mode: 'Functions'
  C2C__Authentication__AllowApiKeys: string(allowApiKeys)
  // host.json's hubName and the hand-off queue trigger (%C2C_TASK_HUB%-handoff); the node's queue door reads it too.
  C2C_TASK_HUB: taskHubName
  // Identity-based host storage (the "__accountName" suffix selects the managed identity): the host, the Durable task
  // hub and the hand-off queue, which the node's door writes to with the same identity.
  AzureWebJobsStorage__accountName: storageAccountName
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
  // Application Insights has local auth disabled: telemetry is sent with the app's Entra ID token.
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD'
}
// Each partner's namespace, and the SAS rule it gave us with its key from our vault (else our Entra ID identity).
func destinationSettings(d outboundDestination, vaultUri string) object => union(
  {
    'C2C__Messaging__ServiceBus__Destinations__${toUpper(d.country)}__FullyQualifiedNamespace': d.namespace
  },
  // The partner topic's limit when it is not Standard's 256 KB (the node's default): the node refuses at ingest a
  // message whose records for it would not fit.
  d.?maxMessageKilobytes == null ? {} : {
    'C2C__Messaging__ServiceBus__Destinations__${toUpper(d.country)}__MaxMessageKilobytes': string(d.maxMessageKilobytes!)
  },
  empty(d.?sasKeyName ?? '') ? {} : {
    'C2C__Messaging__ServiceBus__Destinations__${toUpper(d.country)}__SasKeyName': d.sasKeyName!
    'C2C__Messaging__ServiceBus__Destinations__${toUpper(d.country)}__SasKey': '@Microsoft.KeyVault(SecretUri=${vaultUri}secrets/${partnerKeySecretName(d.country)}/)'
  }
)

var flex = hostingPlan == 'FlexConsumption'
// Outside Flex Consumption the runtime is chosen by app settings (Flex rejects them: it has functionAppConfig.runtime).
var dedicatedSettings = {
  FUNCTIONS_EXTENSION_VERSION: '~4'
  FUNCTIONS_WORKER_RUNTIME: 'dotnet-isolated'
}
// The runtime stack: the worker is a framework-dependent .NET 10 app (net10.0, published for linux-x64).
var runtimeName = 'dotnet-isolated'
var runtimeVersion = '10.0'
// Flex Consumption scales functions in groups (http, durable) or alone (function:NAME) and to zero. The Service Bus
// processor is a hosted service, not a trigger: Service Bus load never starts an instance, so instances stay ready
// where the ingest and the hand-off run (docs/deployment.md, "Service Bus receive and scale").
var alwaysReadyGroups = [
  'http'
  'durable'
  'function:MovementDoor'
]

var outboundSettings = reduce(map(outboundDestinations, d => destinationSettings(d, keyVaultUri)), {}, (all, next) => union(all, next))
var settings = union(baseSettings, flex ? {} : dedicatedSettings, outboundSettings, nodeSettings)

// Flex Consumption only: package from the deployment container with the app identity, scale, runtime.
var flexConfig = {
  deployment: {
    storage: {
      type: 'blobContainer'
      value: '${blobServiceUri}${deploymentContainerName}'
      authentication: {
        type: 'SystemAssignedIdentity'
      }
    }
  }
  scaleAndConcurrency: {
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    alwaysReady: map(alwaysReadyGroups, group => { name: group, instanceCount: alwaysReadyInstances })
  }
  runtime: {
    name: runtimeName
    version: runtimeVersion
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: flex ? 'functionapp' : 'linux'
  sku: flex ? { tier: 'FlexConsumption', name: 'FC1' } : { name: dedicatedSku }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Partners authenticate with a client certificate the front end forwards in X-ARR-ClientCert (documented for App
    // Service plans, Basic and up: the Dedicated plan; on Flex Consumption not documented, so dev keeps API keys).
    // Required: only then does the front end ask for the certificate in the handshake, so the caller proves it holds
    // the key; in the optional modes a certificate can be passed on without that proof (docs/security.md, section 4).
    // /health and /health/ready stay reachable without one for probes and the deployment's smoke test.
    clientCertEnabled: true
    clientCertMode: 'Required'
    clientCertExclusionPaths: '/health,/health/ready'
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      // HTTP/2 forbids the TLS renegotiation an exclusion path needs, and client certificates are not offered with it.
      http20Enabled: false
      // Dedicated: the Service Bus processor, the hand-off queue and the Durable triggers need the host running.
      alwaysOn: flex ? null : true
      // Dedicated: the runtime stack (Flex Consumption has it in functionAppConfig.runtime).
      linuxFxVersion: flex ? null : '${toUpper(runtimeName)}|${runtimeVersion}'
      appSettings: [for name in objectKeys(settings): { name: name, value: string(settings[name]) }]
    }
    functionAppConfig: flex ? flexConfig : null
  }
}

// Publishing with user/password (FTP, SCM basic auth) is off: deployments use Entra ID (OIDC in GitHub Actions).
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: app
  name: 'ftp'
  properties: { allow: false }
}

resource scmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: app
  name: 'scm'
  properties: { allow: false }
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: app
  properties: {
    workspaceId: workspaceId
    logs: [{ category: 'FunctionAppLogs', enabled: true }]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

output appName string = app.name
output principalId string = app.identity.principalId
output defaultHostName string = app.properties.defaultHostName
output hostingPlan string = hostingPlan
