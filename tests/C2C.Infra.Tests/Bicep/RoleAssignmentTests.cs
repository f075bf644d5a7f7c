namespace C2C.Infra.Tests.Bicep;

/// <summary>Least privilege, read from the compiled ARM JSON: which role, on which scope, for whom.</summary>
public sealed class RoleAssignmentTests
{
    private const string Containers = "Microsoft.Storage/storageAccounts/blobServices/containers";
    private const string Accounts = "Microsoft.Storage/storageAccounts";
    private const string Topics = "Microsoft.ServiceBus/namespaces/topics";
    private const string Vaults = "Microsoft.KeyVault/vaults";
    private const string Components = "Microsoft.Insights/components";
    private const string AppPrincipal = "[parameters('principalId')]";
    private const string PartnerPrincipal = "[variables('identitySenders')[copyIndex()].principalId]";
    private const string OfficerPrincipal = "[parameters('officers')[copyIndex()].principalId]";
    private const string ArchiveRole = RoleAssignment.CustomRolePrefix + "archiveWriterRole";
    private const string Blobs = "Microsoft.Storage/storageAccounts/blobServices/containers/blobs";

    private static readonly CompiledTemplate Template = CompiledTemplate.MainTemplate;
    private static readonly IReadOnlyList<RoleAssignment> Assignments = RoleAssignment.All(Template);

    [Fact]
    public void Every_assignment_is_one_of_the_intended_role_and_scope_pairs()
    {
        var allowed = new HashSet<(string Role, string ScopeType, string Principal)>
        {
            (ArchiveRole, Containers, AppPrincipal),
            (BuiltInRoles.StorageBlobDataOwner, Containers, AppPrincipal),
            (BuiltInRoles.StorageTableDataContributor, Accounts, AppPrincipal),
            (BuiltInRoles.StorageQueueDataContributor, Accounts, AppPrincipal),
            (BuiltInRoles.ServiceBusDataReceiver, Topics, AppPrincipal),
            (BuiltInRoles.ServiceBusDataSender, Topics, PartnerPrincipal),
            (BuiltInRoles.KeyVaultCertificateUser, Vaults, AppPrincipal),
            (BuiltInRoles.KeyVaultSecretsUser, Vaults, AppPrincipal),
            (BuiltInRoles.KeyVaultCertificatesOfficer, Vaults, OfficerPrincipal),
            (BuiltInRoles.KeyVaultSecretsOfficer, Vaults, OfficerPrincipal),
            (BuiltInRoles.MonitoringMetricsPublisher, Components, AppPrincipal),
        };

        Assert.NotEmpty(Assignments);
        foreach (var a in Assignments)
            Assert.True(allowed.Contains((a.RoleDefinitionGuid, a.ScopeType, a.Principal)), $"unexpected assignment {a}");
        // And each intended one is there.
        foreach (var pair in allowed)
            Assert.Contains(Assignments, a => (a.RoleDefinitionGuid, a.ScopeType, a.Principal) == pair);
    }

    [Fact]
    public void The_archive_role_is_granted_on_the_archive_container_only()
    {
        var archive = Assert.Single(Assignments, a => a.RoleDefinitionGuid == ArchiveRole);

        Assert.Equal(Containers, archive.ScopeType);
        Assert.False(archive.IsLoop);
        Assert.Equal("parameters('archiveContainerName')", archive.ScopeLastName);
        // Follow the name back: main passes the storage module's archive container, which is archive-{node}.
        Assert.Equal("[reference('storage').outputs.archiveContainerName.value]",
            (string?)Template.Module("app-access").Properties["parameters"]!["archiveContainerName"]!["value"]);
        var storage = Template.Module("storage").Properties["template"]!;
        Assert.Equal("[variables('archiveContainerName')]", (string?)storage["outputs"]!["archiveContainerName"]!["value"]);
        Assert.Equal("[format('archive-{0}', parameters('nodeName'))]", (string?)storage["variables"]!["archiveContainerName"]);
        // Storage Blob Data Contributor cannot use index tags (403 on upload with tags and on Find Blobs by Tags).
        Assert.DoesNotContain(Assignments, a => a.RoleDefinitionGuid == BuiltInRoles.StorageBlobDataContributor);
    }

    [Fact]
    public void The_archive_role_uploads_with_tags_reads_and_finds_by_tags_and_cannot_delete()
    {
        var archive = Assert.Single(Assignments, a => a.RoleDefinitionGuid == ArchiveRole);
        var role = archive.CustomRole(Template)!;
        var permissions = Assert.Single(role.Properties["permissions"]!.AsArray())!;
        string[] Resolved(string member)
        {
            Assert.Equal($"[variables('archiveWriterPermissions').{member}]", (string?)permissions[member]);
            return role.Variable("archiveWriterPermissions")![member]!.AsArray().Select(a => (string)a!).ToArray();
        }

        Assert.Equal("CustomRole", role.Properties.Str("type"));
        Assert.Equal(["[resourceGroup().id]"], role.Properties["assignableScopes"]!.AsArray().Select(s => (string)s!));
        Assert.Equal("[guid(resourceGroup().id, 'c2c-archive-writer')]", role.Name);
        // Role names are unique in the tenant, and resource groups of two subscriptions may share a name.
        Assert.Equal("[format('C2C archive writer ({0}, {1})', resourceGroup().name, uniqueString(resourceGroup().id))]", role.Properties.Str("roleName"));
        Assert.Equal(
            new[] { $"{Blobs}/read", $"{Blobs}/write", $"{Blobs}/tags/write", $"{Blobs}/filter/action" }.Order(),
            Resolved("dataActions").Order());
        // Get Container Properties (readiness) and Create Container (the node's start-up CreateIfNotExists).
        Assert.Equal(new[] { $"{Containers}/read", $"{Containers}/write" }.Order(), Resolved("actions").Order());
        Assert.Empty(permissions["notActions"]!.AsArray());
        Assert.Empty(permissions["notDataActions"]!.AsArray());
        Assert.DoesNotContain(Resolved("dataActions").Concat(Resolved("actions")), a => a.Contains('*') || a.EndsWith("/delete", StringComparison.Ordinal) || a.Contains("move", StringComparison.Ordinal));
    }

    [Fact]
    public void Blob_data_owner_is_limited_to_the_deployment_and_functions_host_containers()
    {
        var owners = Assignments.Where(a => a.RoleDefinitionGuid == BuiltInRoles.StorageBlobDataOwner).ToList();

        Assert.NotEmpty(owners);
        Assert.All(owners, o => Assert.Equal(Containers, o.ScopeType));
        Assert.Equal(
            new[] { "parameters('deploymentContainerName')", "parameters('hostContainerNames')[copyIndex()]" }.Order(),
            owners.Select(o => o.ScopeLastName).Order());
        Assert.DoesNotContain(owners, o => o.ScopeLastName.Contains("archive", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData(BuiltInRoles.StorageTableDataContributor)]
    [InlineData(BuiltInRoles.StorageQueueDataContributor)]
    public void Queue_and_table_data_contributor_are_on_the_account_as_in_the_flex_samples(string role)
    {
        // The host and the Durable task hub create queues and tables at run time (History, Instances, Partitions,
        // control and work-item queues): the official Flex Consumption samples grant both at account scope.
        var assignment = Assert.Single(Assignments, a => a.RoleDefinitionGuid == role);

        Assert.Equal(Accounts, assignment.ScopeType);
        Assert.Equal(["parameters('storageAccountName')"], assignment.ScopeNameArguments);
    }

    [Fact]
    public void No_blob_role_is_granted_on_the_account_since_the_archive_shares_it()
    {
        // An account-scope Blob Data Owner (what the samples grant for AzureWebJobsStorage) would cover archive-{cc}:
        // delete once retention ends, and every tag. Blob roles stay per container.
        Assert.All(Assignments.Where(a => a.ScopeType == Accounts),
            a => Assert.Contains(a.RoleDefinitionGuid, new[] { BuiltInRoles.StorageTableDataContributor, BuiltInRoles.StorageQueueDataContributor }));
    }

    [Fact]
    public void The_node_receives_from_our_inbound_topic_only()
    {
        var receiver = Assert.Single(Assignments, a => a.RoleDefinitionGuid == BuiltInRoles.ServiceBusDataReceiver);

        Assert.Equal(Topics, receiver.ScopeType);
        Assert.Equal("parameters('inboundTopicName')", receiver.ScopeLastName);
        Assert.Equal("[reference('serviceBus').outputs.topicName.value]",
            (string?)Template.Module("app-access").Properties["parameters"]!["inboundTopicName"]!["value"]);
    }

    [Fact]
    public void Partners_may_send_to_our_topic_and_nothing_else()
    {
        var senders = Assignments.Where(a => a.RoleDefinitionGuid == BuiltInRoles.ServiceBusDataSender).ToList();

        // Senders to our topic are partners, one assignment each on the topic entity; our own identity sends to the
        // partners' topics (their namespaces, their grants), so it holds no Sender role here.
        var sender = Assert.Single(senders);
        Assert.True(sender.IsLoop);
        Assert.Equal(Topics, sender.ScopeType);
        Assert.Equal("parameters('topicName')", sender.ScopeLastName);
        Assert.Equal(PartnerPrincipal, sender.Principal);
        Assert.Equal("[length(variables('identitySenders'))]", sender.Resource.Json["copy"].Str("count"));
        Assert.Equal("[filter(parameters('inboundPartners'), lambda('p', not(empty(coalesce(tryGet(lambdaVariables('p'), 'principalId'), '')))))]",
            sender.Resource.Variable("identitySenders")!.ToString());
        Assert.DoesNotContain(Assignments, a => a.Principal == PartnerPrincipal && a.RoleDefinitionGuid != BuiltInRoles.ServiceBusDataSender);
        Assert.DoesNotContain(Assignments, a => a.Principal == AppPrincipal && a.RoleDefinitionGuid == BuiltInRoles.ServiceBusDataSender);
    }

    [Fact]
    public void Officers_who_import_the_certificate_and_partner_keys_are_a_parameter_and_hold_nothing_else()
    {
        var officers = Assignments.Where(a => a.Principal == OfficerPrincipal).ToList();

        Assert.Equal([BuiltInRoles.KeyVaultCertificatesOfficer, BuiltInRoles.KeyVaultSecretsOfficer], officers.Select(o => o.RoleDefinitionGuid).Order());
        Assert.All(officers, o =>
        {
            Assert.True(o.IsLoop);
            Assert.Equal(Vaults, o.ScopeType);
            Assert.Equal("[parameters('officers')[copyIndex()].principalType]", (string?)o.Resource.Properties["principalType"]);
        });
        Assert.Equal("[parameters('keyVaultOfficers')]", Template.Module("keyvault").Properties["parameters"].Str("officers.value"));
        Assert.DoesNotContain(Assignments, a => a.Principal == AppPrincipal && a.RoleDefinitionGuid is BuiltInRoles.KeyVaultCertificatesOfficer or BuiltInRoles.KeyVaultSecretsOfficer);
    }

    [Fact]
    public void Key_vault_and_telemetry_roles_are_on_their_own_resources()
    {
        Assert.Equal(Vaults, Assert.Single(Assignments, a => a.RoleDefinitionGuid == BuiltInRoles.KeyVaultCertificateUser).ScopeType);
        Assert.Equal(Vaults, Assert.Single(Assignments, a => a.RoleDefinitionGuid == BuiltInRoles.KeyVaultSecretsUser).ScopeType);
        Assert.Equal(Components, Assert.Single(Assignments, a => a.RoleDefinitionGuid == BuiltInRoles.MonitoringMetricsPublisher).ScopeType);
    }

    [Fact]
    public void Assignments_are_to_service_principals_with_stable_names()
    {
        Assert.All(Assignments, a =>
        {
            // The app and partner nodes are service principals; officers may be people or groups (checked above).
            if (a.Principal != OfficerPrincipal)
                Assert.Equal("ServicePrincipal", (string?)a.Resource.Properties["principalType"]);
            // guid(scope, principal, role): redeploying is idempotent and two roles never collide.
            Assert.StartsWith("[guid(", a.Resource.Name, StringComparison.Ordinal);
        });
    }
}
