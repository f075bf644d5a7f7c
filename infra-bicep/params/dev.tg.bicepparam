// dev node of TG. Deploy: az deployment group create -g rg-c2c-dev-tg -f infra-bicep/main.bicep -p infra-bicep/params/dev.tg.bicepparam
using '../main.bicep'

param environmentName = 'dev'
param country = 'TG'
param serviceBusSku = 'Standard'
param maxDeliveryCount = 10
param duplicateDetectionWindow = 'PT1H'
// Short retention in dev: blobs under retention cannot be deleted, so the environment stays disposable.
param archiveRetentionDays = 1
// Disposable: a deleted dev vault can be purged at once and the resource group recreated (its vault name is fixed).
param keyVaultPurgeProtection = false
// Our namespace: partners send to c2c.tg there. Globally unique: if taken, pick another and tell the partners.
param serviceBusNamespaceName = 'sb-c2c-dev-tg'
// Who may send to c2c.tg (docs/deployment.md, "How a second country joins"). BF is another administration
// (another tenant): a send-only SAS rule send-bf, whose key we hand to BF. Same tenant: principalId instead.
param inboundPartners = [
  { country: 'BF', sasRule: true }
]
// Where we send BF's messages: c2c.bf in BF's namespace, with the rule send-tg BF created for us
// (its key is our Key Vault secret servicebus-send-bf).
param outboundDestinations = [
  { country: 'BF', namespace: 'sb-c2c-dev-bf.servicebus.windows.net', sasKeyName: 'send-tg', maxMessageKilobytes: 256 }
]
param nodeSettings = {
  C2C__Identity__Offices__0: 'TGLOM001'
  C2C__Identity__Offices__1: 'TGCIN001'
}
