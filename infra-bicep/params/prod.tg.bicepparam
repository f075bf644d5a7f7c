// prod node of TG. Deploy: az deployment group create -g rg-c2c-prod-tg -f infra-bicep/main.bicep -p infra-bicep/params/prod.tg.bicepparam
using '../main.bicep'

param environmentName = 'prod'
param country = 'TG'
param serviceBusSku = 'Premium'
param maxDeliveryCount = 10
param duplicateDetectionWindow = 'PT1H'
// Ten years of immutable archive. Lock the policy once reviewed (docs/deployment.md): then it can only grow.
param archiveRetentionDays = 3650
// Object IDs of the partner nodes' service principals that may send to c2c.tg (docs/deployment.md).
param partnerSenderPrincipalIds = []
param logRetentionDays = 90
// Production partners and auditors authenticate with their registered client certificates only.
param allowApiKeys = false
param nodeSettings = {
  C2C__Identity__Offices__0: 'TGLOM001'
  C2C__Identity__Offices__1: 'TGCIN001'
}
