// Built-in Azure role definition IDs used by this deployment (one place, checked by C2C.Infra.Tests).
// Source: Azure built-in roles (learn.microsoft.com/azure/role-based-access-control/built-in-roles).

@export()
var builtInRoles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  serviceBusDataReceiver: '4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0'
  serviceBusDataSender: '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39'
  keyVaultCertificateUser: 'db79e9a7-68ee-4b58-9aeb-b90e7c24fcba'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  keyVaultCertificatesOfficer: 'a4417e6f-fecd-4de8-b567-7b0420556985'
  keyVaultSecretsOfficer: 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}

// The node's rights on its archive container, as a custom role (docs/deployment.md, "Reviewed against Azure's
// documentation"): Storage Blob Data Contributor lacks the index tag actions (upload with tags, Find Blobs by Tags
// get 403) and Storage Blob Data Owner adds delete, move and ownership. The node writes new blobs with tags, reads
// them and searches them; it never deletes (a best-effort orphan delete tolerates 403) and WORM retention stops
// overwrite and delete anyway.
@export()
var archiveWriterPermissions = {
  actions: [
    // Get Container Properties (readiness) and Create Container (start-up CreateIfNotExists, a 409 on Azure).
    'Microsoft.Storage/storageAccounts/blobServices/containers/read'
    'Microsoft.Storage/storageAccounts/blobServices/containers/write'
  ]
  dataActions: [
    'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read'
    'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/write'
    // Put Blob with x-ms-tags (the index tags of each archived message).
    'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/tags/write'
    // Find Blobs by Tags in the container (auditor search).
    'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/filter/action'
  ]
}
