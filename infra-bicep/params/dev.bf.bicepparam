// dev node of BF. Deploy: az deployment group create -g rg-c2c-dev-bf -f infra-bicep/main.bicep -p infra-bicep/params/dev.bf.bicepparam
using '../main.bicep'

param environmentName = 'dev'
param country = 'BF'
param serviceBusSku = 'Standard'
param maxDeliveryCount = 10
param duplicateDetectionWindow = 'PT1H'
// Short retention in dev: blobs under retention cannot be deleted, so the environment stays disposable.
param archiveRetentionDays = 1
// Disposable: a deleted dev vault can be purged at once and the resource group recreated (its vault name is fixed).
param keyVaultPurgeProtection = false
// Our namespace: partners send to c2c.bf there. Globally unique: if taken, pick another and tell the partners.
param serviceBusNamespaceName = 'sb-c2c-dev-bf'
// Who may send to c2c.bf (docs/deployment.md, "How a second country joins"). TG is another administration
// (another tenant): a send-only SAS rule send-tg, whose key we hand to TG. Same tenant: principalId instead.
param inboundPartners = [
  { country: 'TG', sasRule: true }
]
// Where we send TG's messages: c2c.tg in TG's namespace, with the rule send-bf TG created for us
// (its key is our Key Vault secret servicebus-send-tg).
param outboundDestinations = [
  { country: 'TG', namespace: 'sb-c2c-dev-tg.servicebus.windows.net', sasKeyName: 'send-bf', maxMessageKilobytes: 256 }
]
param nodeSettings = {
  C2C__Identity__Offices__0: 'BFCIN001'
  C2C__Identity__Offices__1: 'BFOUA001'
  C2C__Identity__Offices__2: 'BFBOB001'
}
