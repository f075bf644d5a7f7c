// prod node of TG. Deploy: az deployment group create -g rg-c2c-prod-tg -f infra-bicep/main.bicep -p infra-bicep/params/prod.tg.bicepparam
using '../main.bicep'

param environmentName = 'prod'
param country = 'TG'
param serviceBusSku = 'Premium'
param maxDeliveryCount = 10
param duplicateDetectionWindow = 'PT1H'
// Ten years of immutable archive. Lock the policy once reviewed (docs/deployment.md): then it can only grow.
param archiveRetentionDays = 3650
// true once the policy is locked (irreversible): Bicep then leaves it alone, a PUT would fail.
param archiveRetentionLocked = false
// Our namespace: partners send to c2c.tg there. Globally unique: if taken, pick another and tell the partners.
param serviceBusNamespaceName = 'sb-c2c-prod-tg'
// Who may send to c2c.tg (docs/deployment.md, "How a second country joins"). BF is another administration
// (another tenant): a send-only SAS rule send-bf, whose key we hand to BF. Same tenant: principalId instead.
param inboundPartners = [
  { country: 'BF', sasRule: true }
]
// Where we send BF's messages: c2c.bf in BF's namespace, with the rule send-tg BF created for us
// (its key is our Key Vault secret servicebus-send-bf).
param outboundDestinations = [
  { country: 'BF', namespace: 'sb-c2c-prod-bf.servicebus.windows.net', sasKeyName: 'send-tg', maxMessageKilobytes: 1024 }
]
param logRetentionDays = 90
// Production partners and auditors authenticate with their registered client certificates only, which needs a plan
// where App Service client certificates are documented (docs/deployment.md): a Dedicated (App Service) plan.
param allowApiKeys = false
param hostingPlan = 'Dedicated'
param nodeSettings = {
  C2C__Identity__Offices__0: 'TGLOM001'
  C2C__Identity__Offices__1: 'TGCIN001'
}
