// dev node of TG. Deploy: az deployment group create -g rg-c2c-dev-tg -f infra-bicep/main.bicep -p infra-bicep/params/dev.tg.bicepparam
using '../main.bicep'

param environmentName = 'dev'
param country = 'TG'
param serviceBusSku = 'Standard'
param maxDeliveryCount = 10
param duplicateDetectionWindow = 'PT1H'
// Short retention in dev: blobs under retention cannot be deleted, so the environment stays disposable.
param archiveRetentionDays = 1
// Object IDs of the partner nodes' service principals that may send to c2c.tg (docs/deployment.md).
param partnerSenderPrincipalIds = []
param nodeSettings = {
  C2C__Identity__Offices__0: 'TGLOM001'
  C2C__Identity__Offices__1: 'TGCIN001'
}
