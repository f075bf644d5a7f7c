using C2C.Adapters.Storage;

namespace C2C.Infra.Tests.Bicep;

/// <summary>Storage account hardening, the WORM archive and the names the node's storage adapter expects.</summary>
public sealed class StorageTemplateTests
{
    private static readonly CompiledTemplate Template = CompiledTemplate.MainTemplate;

    [Fact]
    public void Account_accepts_only_entra_id_over_tls_1_2()
    {
        var account = Template.Single("Microsoft.Storage/storageAccounts");

        Assert.Equal("TLS1_2", account.Json.Str("properties.minimumTlsVersion"));
        Assert.False(account.Json.Bool("properties.allowBlobPublicAccess"));
        Assert.False(account.Json.Bool("properties.allowSharedKeyAccess"));
        Assert.True(account.Json.Bool("properties.supportsHttpsTrafficOnly"));
    }

    [Fact]
    public void Archive_container_has_time_based_retention_without_append_writes_and_versioning_is_on()
    {
        var policy = Template.Single("Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies");

        Assert.Contains("variables('archiveContainerName')", policy.Name, StringComparison.Ordinal);
        Assert.Equal("[parameters('archiveRetentionDays')]", policy.Json.Str("properties.immutabilityPeriodSinceCreationInDays"));
        Assert.False(policy.Json.Bool("properties.allowProtectedAppendWrites"));
        Assert.True(Template.Single("Microsoft.Storage/storageAccounts/blobServices").Json.Bool("properties.isVersioningEnabled"));
        Assert.Equal("[parameters('archiveRetentionDays')]",
            Template.Module("storage").Properties["parameters"].Str("archiveRetentionDays.value"));
    }

    [Fact]
    public void A_locked_retention_policy_is_left_alone_and_managed_until_then()
    {
        var policy = Template.Single("Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies");

        // A PUT on a locked policy fails the deployment: once locked, the parameter file says so and Bicep skips it.
        Assert.Equal("[not(parameters('archiveRetentionLocked'))]", policy.Json.Str("condition"));
        Assert.Equal("[parameters('archiveRetentionLocked')]", Template.Module("storage").Properties["parameters"].Str("archiveRetentionLocked.value"));
        Assert.False((bool)Template.Root["parameters"]!["archiveRetentionLocked"]!["defaultValue"]!);
    }

    [Fact]
    public void Container_and_table_names_are_those_of_the_storage_adapter()
    {
        const string node = "tg";
        var expected = StorageNames.For(node);
        var storage = Template.Module("storage").Properties["template"]!;

        Assert.Equal(expected.Archive, ArmValues.Format((string)storage["variables"]!["archiveContainerName"]!, node));
        var tables = storage["variables"]!["tableNames"]!.AsArray().Select(t => ArmValues.Format((string)t!, node));
        Assert.Equal(expected.AllTables.Order(), tables.Order());
        // The node name is the lower-case country code, as StorageNames.For(country) in the node.
        Assert.Equal("[variables('cc')]", Template.Module("storage").Properties["parameters"].Str("nodeName.value"));
        Assert.Equal("[toLower(parameters('country'))]", Template.Root["variables"].Str("cc"));
    }

    [Fact]
    public void Deployment_and_functions_host_containers_exist_besides_the_archive()
    {
        var containers = Template.OfType("Microsoft.Storage/storageAccounts/blobServices/containers").ToList();
        var hostNames = StorageVariables["hostContainerNames"]!.AsArray().Select(n => Resolve((string)n!, "c2ctg"));

        Assert.Equal(3, containers.Count); // archive, deployment package, host and task hub containers (one loop)
        // The Durable Azure Storage provider's blob containers of task hub c2c{cc}: {hub}-leases, -applease, -largemessages;
        // the hand-off door's large messages: {hub}-handoff.
        Assert.Equal(["azure-webjobs-hosts", "azure-webjobs-secrets", "c2ctg-applease", "c2ctg-handoff", "c2ctg-largemessages", "c2ctg-leases"], hostNames.Order());
        Assert.Equal("[variables('names').taskHub]", Template.Module("storage").Properties["parameters"].Str("taskHubName.value"));
        Assert.Equal("[format('c2c{0}', variables('cc'))]", Template.Root["variables"]!["names"].Str("taskHub"));
        Assert.Contains(containers, c => c.Name.Contains("parameters('deploymentContainerName')", StringComparison.Ordinal));
        Assert.All(containers, c => Assert.Equal("None", c.Json.Str("properties.publicAccess")));
    }

    [Fact]
    public void The_hand_off_queue_is_the_one_the_node_writes_to_and_its_leftover_blobs_expire()
    {
        var queue = Template.Single("Microsoft.Storage/storageAccounts/queueServices/queues");
        Assert.Contains("variables('handOffName')", queue.Name, StringComparison.Ordinal);
        Assert.Equal(C2C.Node.Hosting.Worker.QueueMovementDoor.QueueName("c2ctg"), Resolve("[variables('handOffName')]", "c2ctg"));

        var rule = Template.Single("Microsoft.Storage/storageAccounts/managementPolicies").Json["properties"]!["policy"]!["rules"]!.AsArray().Single()!;
        Assert.Equal("[format('{0}/', variables('handOffName'))]", (string)rule["definition"]!["filters"]!["prefixMatch"]!.AsArray().Single()!);
        Assert.Equal(1, (int)rule["definition"]!["actions"]!["baseBlob"]!["delete"]!["daysAfterCreationGreaterThan"]!);
        Assert.Equal(1, (int)rule["definition"]!["actions"]!["version"]!["delete"]!["daysAfterCreationGreaterThan"]!);
    }

    private static System.Text.Json.Nodes.JsonNode StorageVariables => Template.Module("storage").Properties["template"]!["variables"]!;

    /// <summary>A container or queue name of the storage module for task hub <paramref name="taskHub"/>.</summary>
    private static string Resolve(string name, string taskHub) => name switch
    {
        "[variables('handOffName')]" => ArmValues.Format((string)StorageVariables["handOffName"]!, taskHub),
        _ when name.StartsWith('[') => ArmValues.Format(name, taskHub),
        _ => name,
    };
}
