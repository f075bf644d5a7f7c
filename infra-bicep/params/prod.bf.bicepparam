// prod node of BF. Deploy: az deployment group create -g rg-c2c-prod-bf -f infra-bicep/main.bicep -p infra-bicep/params/prod.bf.bicepparam
using '../main.bicep'

param environmentName = 'prod'
param country = 'BF'
param serviceBusSku = 'Premium'
param maxDeliveryCount = 10
param duplicateDetectionWindow = 'PT1H'
// Ten years of immutable archive. Lock the policy once reviewed (docs/deployment.md): then it can only grow.
param archiveRetentionDays = 3650
// true once the policy is locked (irreversible): Bicep then leaves it alone, a PUT would fail.
param archiveRetentionLocked = false
// Our namespace: partners send to c2c.bf there. Globally unique: if taken, pick another and tell the partners.
param serviceBusNamespaceName = 'sb-c2c-prod-bf'
// Who may send to c2c.bf (docs/deployment.md, "How a second country joins"). TG is another administration
// (another tenant): a send-only SAS rule send-tg, whose key we hand to TG. Same tenant: principalId instead.
param inboundPartners = [
  { country: 'TG', sasRule: true }
]
// Where we send TG's messages: c2c.tg in TG's namespace, with the rule send-bf TG created for us
// (its key is our Key Vault secret servicebus-send-tg).
param outboundDestinations = [
  { country: 'TG', namespace: 'sb-c2c-prod-tg.servicebus.windows.net', sasKeyName: 'send-bf', maxMessageKilobytes: 1024 }
]
param logRetentionDays = 90
// Production partners and auditors authenticate with their registered client certificates only, which needs a plan
// where App Service client certificates are documented (docs/deployment.md): a Dedicated (App Service) plan.
param allowApiKeys = false
param hostingPlan = 'Dedicated'
param nodeSettings = {
  C2C__Identity__Offices__0: 'BFCIN001'
  C2C__Identity__Offices__1: 'BFOUA001'
  C2C__Identity__Offices__2: 'BFBOB001'
}
