using System.Text.Json.Nodes;

namespace C2C.Infra.Tests.Bicep;

/// <summary>The .NET isolated worker on Flex Consumption or a Dedicated plan, with a managed identity and identity-based settings only.</summary>
public sealed class FunctionAppTemplateTests
{
    private static readonly CompiledTemplate Template = CompiledTemplate.MainTemplate;

    private static JsonObject Variables => Template.Module("functionapp").Properties["template"]!["variables"]!.AsObject();

    private static JsonObject Settings => Variables["baseSettings"]!.AsObject();

    [Fact]
    public void Plan_is_flex_consumption_or_a_dedicated_app_service_plan_on_linux()
    {
        var plan = Template.Single("Microsoft.Web/serverfarms");

        Assert.Equal("[equals(parameters('hostingPlan'), 'FlexConsumption')]", Variables.Str("flex"));
        Assert.Equal("[if(variables('flex'), createObject('tier', 'FlexConsumption', 'name', 'FC1'), createObject('name', parameters('dedicatedSku')))]", plan.Json.Str("sku"));
        Assert.Equal("[if(variables('flex'), 'functionapp', 'linux')]", plan.Json.Str("kind"));
        Assert.True(plan.Json.Bool("properties.reserved"));
        Assert.Equal("FlexConsumption", (string?)Template.Root["parameters"]!["hostingPlan"]!["defaultValue"]);
        Assert.Equal(["Dedicated", "FlexConsumption"], Template.Root["parameters"]!["hostingPlan"]!["allowedValues"]!.AsArray().Select(v => (string)v!).Order());
        Assert.Equal("[parameters('hostingPlan')]", Template.Module("functionapp").Properties["parameters"].Str("hostingPlan.value"));
    }

    [Theory]
    [InlineData("dev", "FlexConsumption")]
    [InlineData("prod", "Dedicated")]
    public void Certificate_only_nodes_run_where_client_certificates_are_documented(string environment, string plan)
    {
        // Flex Consumption does not support the platform certificate features and documents no forwarding of
        // incoming client certificates; App Service plans (Basic and up) document clientCertEnabled and X-ARR-ClientCert.
        // A parameter file that turns API keys off (certificates only) must therefore choose the Dedicated plan.
        foreach (var country in ParameterFile.Countries)
        {
            var file = ParameterFile.Of(environment, country);
            var allowApiKeys = (bool?)file.Values["allowApiKeys"] ?? true;
            var chosen = (string?)file.Values["hostingPlan"] ?? "FlexConsumption";
            Assert.Equal(plan, chosen);
            if (!allowApiKeys)
                Assert.Equal("Dedicated", chosen);
        }
    }

    [Fact]
    public void A_dedicated_plan_runs_the_isolated_worker_always_on_and_only_flex_gets_the_flex_settings()
    {
        var site = Template.Single("Microsoft.Web/sites");

        Assert.Equal("[if(variables('flex'), variables('flexConfig'), null())]", site.Json.Str("properties.functionAppConfig"));
        Assert.Equal("[if(variables('flex'), null(), true())]", site.Json.Str("properties.siteConfig.alwaysOn"));
        Assert.Equal("[union(variables('baseSettings'), if(variables('flex'), createObject(), variables('dedicatedSettings')), variables('outboundSettings'), parameters('nodeSettings'))]", Variables.Str("settings"));
        var dedicated = Variables["dedicatedSettings"]!.AsObject();
        Assert.Equal("~4", dedicated.Str("FUNCTIONS_EXTENSION_VERSION"));
        Assert.Equal("dotnet-isolated", dedicated.Str("FUNCTIONS_WORKER_RUNTIME"));
        Assert.Equal(2, dedicated.Count);
        Assert.Equal("[if(variables('flex'), null(), format('{0}|{1}', toUpper(variables('runtimeName')), variables('runtimeVersion')))]",
            site.Json.Str("properties.siteConfig.linuxFxVersion"));
        // Only Flex pulls a package from the deployment container with the app identity: only Flex gets that role.
        var deploymentReader = Assert.Single(RoleAssignment.All(Template), a => a.Resource.Symbol == "deploymentReader");
        Assert.Equal("[parameters('flexConsumption')]", deploymentReader.Resource.Json.Str("condition"));
        Assert.Equal("[equals(parameters('hostingPlan'), 'FlexConsumption')]", Template.Module("app-access").Properties["parameters"].Str("flexConsumption.value"));
    }

    [Fact]
    public void Site_is_a_linux_dotnet_isolated_worker_with_a_system_identity_deploying_from_blob_with_that_identity()
    {
        var site = Template.Single("Microsoft.Web/sites");

        Assert.Equal("functionapp,linux", site.Json.Str("kind"));
        Assert.Equal("SystemAssigned", site.Json.Str("identity.type"));
        Assert.True(site.Json.Bool("properties.httpsOnly"));
        var flex = Variables["flexConfig"];
        Assert.Equal("[variables('runtimeName')]", flex.Str("runtime.name"));
        Assert.Equal("[variables('runtimeVersion')]", flex.Str("runtime.version"));
        Assert.Equal("dotnet-isolated", Variables.Str("runtimeName"));
        // The stack's .NET version is the one the node targets (Directory.Build.props: net10.0).
        var targetFramework = System.Xml.Linq.XDocument.Load(Path.Combine(RepoPaths.Root, "Directory.Build.props")).Descendants("TargetFramework").Single().Value;
        Assert.Equal(targetFramework, $"net{Variables.Str("runtimeVersion")}");
        Assert.Equal("blobContainer", flex.Str("deployment.storage.type"));
        Assert.Equal("SystemAssignedIdentity", flex.Str("deployment.storage.authentication.type"));
        Assert.Equal("[format('{0}{1}', parameters('blobServiceUri'), parameters('deploymentContainerName'))]",
            flex.Str("deployment.storage.value"));
    }

    [Fact]
    public void Client_certificates_are_required_except_for_the_health_check_over_http_1_1()
    {
        var site = Template.Single("Microsoft.Web/sites");

        Assert.True(site.Json.Bool("properties.clientCertEnabled"));
        Assert.Equal("Required", site.Json.Str("properties.clientCertMode"));
        var excluded = site.Json.Str("properties.clientCertExclusionPaths")!.Split(',');
        Assert.Equal(["/health", "/health/ready"], excluded);
        Assert.False(site.Json.Bool("properties.siteConfig.http20Enabled"));
        // The deployment's smoke test calls an excluded path, without a certificate.
        var smoke = System.Text.RegularExpressions.Regex.Match(File.ReadAllText(Path.Combine(RepoPaths.Root, ".github", "actions", "deploy-node", "action.yml")),
            "url=\"https://\\$\\{HOST_NAME\\}(/[^\"]*)\"");
        Assert.True(smoke.Success);
        Assert.Contains(smoke.Groups[1].Value, excluded);
    }

    [Theory]
    [InlineData("dev.tg.bicepparam", true)]
    [InlineData("dev.bf.bicepparam", true)]
    [InlineData("prod.tg.bicepparam", false)]
    [InlineData("prod.bf.bicepparam", false)]
    public void Production_turns_api_keys_off(string file, bool allowed)
    {
        var run = BicepCli.Run("build-params", Path.Combine(RepoPaths.InfraBicep, "params", file), "--stdout");
        Assert.True(run.ExitCode == 0, run.ToString());
        var parameters = JsonNode.Parse((string)JsonNode.Parse(run.StandardOutput)!["parametersJson"]!)!["parameters"]!;
        var value = parameters["allowApiKeys"]?["value"]?.GetValue<bool>() ?? (bool)Template.Root["parameters"]!["allowApiKeys"]!["defaultValue"]!;

        Assert.Equal(allowed, value);
        Assert.Equal("[string(parameters('allowApiKeys'))]", Settings.Str("C2C__Authentication__AllowApiKeys"));
    }

    [Fact]
    public void App_settings_configure_the_node_with_identity_based_connections()
    {
        var expected = new Dictionary<string, string>
        {
            ["C2C__Identity__Country"] = "[parameters('country')]",
            ["C2C__Storage__BlobServiceUri"] = "[parameters('blobServiceUri')]",
            ["C2C__Storage__TableServiceUri"] = "[parameters('tableServiceUri')]",
            ["C2C__Messaging__Provider"] = "ServiceBus",
            ["C2C__Messaging__ServiceBus__FullyQualifiedNamespace"] = "[parameters('serviceBusFullyQualifiedNamespace')]",
            ["C2C__Identity__SigningPfxBase64"] = "[format('@Microsoft.KeyVault(SecretUri={0}secrets/signing/)', parameters('keyVaultUri'))]",
            ["Hosting__Mode"] = "Functions",
            ["C2C_TASK_HUB"] = "[parameters('taskHubName')]",
            ["AzureWebJobsStorage__accountName"] = "[parameters('storageAccountName')]",
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "[parameters('appInsightsConnectionString')]",
        };

        foreach (var (name, value) in expected)
            Assert.Equal(value, Settings.Str(name));
        Assert.Equal("[toUpper(parameters('country'))]", Template.Module("functionapp").Properties["parameters"].Str("country.value"));
        // The task hub whose containers the storage module creates (StorageTemplateTests): c2c{cc}.
        Assert.Equal("[variables('names').taskHub]", Template.Module("functionapp").Properties["parameters"].Str("taskHubName.value"));
        // No Service Bus trigger any more: nothing binds a topic or a trigger connection.
        Assert.DoesNotContain(Settings, s => s.Key is "C2C_INBOUND_TOPIC" || s.Key.StartsWith("ServiceBusConnection", StringComparison.Ordinal));
    }

    [Fact]
    public void Flex_keeps_instances_ready_where_the_service_bus_processor_and_the_hand_off_run()
    {
        // The processor is a hosted service, no trigger: Service Bus load never starts an instance. The ingest (http),
        // the hand-off function and the orchestrations (durable) each keep at least one instance running.
        Assert.Equal("[map(variables('alwaysReadyGroups'), lambda('group', createObject('name', lambdaVariables('group'), 'instanceCount', parameters('alwaysReadyInstances'))))]",
            Variables["flexConfig"].Str("scaleAndConcurrency.alwaysReady"));
        var groups = Variables["alwaysReadyGroups"]!.AsArray().Select(g => (string)g!).ToList();
        var doorFunction = typeof(C2C.Node.Hosting.Worker.MovementDoorFunction).GetMethod(nameof(C2C.Node.Hosting.Worker.MovementDoorFunction.RunAsync))!
            .GetCustomAttributes(typeof(Microsoft.Azure.Functions.Worker.FunctionAttribute), false).Cast<Microsoft.Azure.Functions.Worker.FunctionAttribute>().Single().Name;
        Assert.Equal(["http", "durable", $"function:{doorFunction}"], groups);
        Assert.Equal(1, (int)Template.Root["parameters"]!["alwaysReadyInstances"]!["defaultValue"]!);
        Assert.Equal(1, (int)Template.Root["parameters"]!["alwaysReadyInstances"]!["minValue"]!);
        Assert.Equal("[parameters('alwaysReadyInstances')]", Template.Module("functionapp").Properties["parameters"].Str("alwaysReadyInstances.value"));
    }

    [Fact]
    public void Outbound_destinations_become_node_settings_with_the_partner_key_as_a_key_vault_reference()
    {
        var module = Template.Module("functionapp").Properties["template"]!;
        var functions = module["functions"]!.AsArray().Single()!["members"]!;
        var body = functions["destinationSettings"].Str("output.value")!;

        Assert.Equal("[union(variables('baseSettings'), if(variables('flex'), createObject(), variables('dedicatedSettings')), variables('outboundSettings'), parameters('nodeSettings'))]", module["variables"].Str("settings"));
        Assert.Contains("reduce(map(parameters('outboundDestinations')", module["variables"].Str("outboundSettings"), StringComparison.Ordinal);
        Assert.Contains("format('C2C__Messaging__ServiceBus__Destinations__{0}__FullyQualifiedNamespace', toUpper(parameters('d').country)), parameters('d').namespace", body, StringComparison.Ordinal);
        // The partner topic's limit only when the destination gives one: Standard's 256 KB is the node's default (ServiceBusDestinationOptions), not restated here.
        Assert.Contains("if(equals(tryGet(parameters('d'), 'maxMessageKilobytes'), null()), createObject(), createObject(format('C2C__Messaging__ServiceBus__Destinations__{0}__MaxMessageKilobytes', toUpper(parameters('d').country)), string(parameters('d').maxMessageKilobytes)))", body, StringComparison.Ordinal);
        Assert.Contains("format('C2C__Messaging__ServiceBus__Destinations__{0}__SasKeyName', toUpper(parameters('d').country)), parameters('d').sasKeyName", body, StringComparison.Ordinal);
        Assert.Contains("format('C2C__Messaging__ServiceBus__Destinations__{0}__SasKey', toUpper(parameters('d').country)), format('@Microsoft.KeyVault(SecretUri={0}secrets/{1}/)', parameters('vaultUri'), __bicep.partnerKeySecretName(parameters('d').country))", body, StringComparison.Ordinal);
        // Without a rule name: nothing but the namespace, so the node uses its Entra ID identity.
        Assert.Contains("if(empty(coalesce(tryGet(parameters('d'), 'sasKeyName'), '')), createObject()", body, StringComparison.Ordinal);
        Assert.Equal("[format('servicebus-send-{0}', toLower(parameters('country')))]", functions["partnerKeySecretName"].Str("output.value"));
        Assert.Equal("[reference('keyVault').outputs.vaultUri.value]", Template.Module("functionapp").Properties["parameters"].Str("keyVaultUri.value"));
    }

    [Fact]
    public void No_secret_based_connection_setting_exists()
    {
        // Plain "AzureWebJobsStorage" or "ServiceBusConnection" would be connection strings with keys.
        Assert.DoesNotContain(Settings, s => s.Key is "AzureWebJobsStorage" or "ServiceBusConnection" or "WEBSITE_RUN_FROM_PACKAGE");
        Assert.DoesNotContain(Settings, s => s.Key.EndsWith("__connectionString", StringComparison.OrdinalIgnoreCase));
        // Flex Consumption rejects these: the runtime lives in functionAppConfig (the Dedicated plan gets them apart).
        Assert.DoesNotContain(Settings, s => s.Key is "FUNCTIONS_WORKER_RUNTIME" or "FUNCTIONS_EXTENSION_VERSION");
    }

    [Fact]
    public void Key_vault_is_rbac_only_with_soft_delete_and_purge_protection_where_asked()
    {
        var vault = Template.Single("Microsoft.KeyVault/vaults");

        Assert.True(vault.Json.Bool("properties.enableRbacAuthorization"));
        Assert.True(vault.Json.Bool("properties.enableSoftDelete"));
        // true or absent: the API refuses false.
        Assert.Equal("[if(parameters('purgeProtection'), true(), null())]", vault.Json.Str("properties.enablePurgeProtection"));
        Assert.Equal("[parameters('keyVaultPurgeProtection')]", Template.Module("keyvault").Properties["parameters"].Str("purgeProtection.value"));
        Assert.True((bool)Template.Root["parameters"]!["keyVaultPurgeProtection"]!["defaultValue"]!);
    }

    [Theory]
    [InlineData("prod", true)]
    [InlineData("dev", false)]
    public void Purge_protection_is_on_in_prod_and_off_in_dev(string environment, bool expected)
    {
        foreach (var country in ParameterFile.Countries)
            Assert.Equal(expected, (bool?)ParameterFile.Of(environment, country).Values["keyVaultPurgeProtection"] ?? true);
    }

    [Fact]
    public void Application_insights_is_workspace_based_without_local_auth()
    {
        var insights = Template.Single("Microsoft.Insights/components");

        Assert.NotNull(insights.Json.Str("properties.WorkspaceResourceId"));
        Assert.True(insights.Json.Bool("properties.DisableLocalAuth"));
    }

    [Fact]
    public void Diagnostics_of_storage_service_bus_function_app_and_key_vault_go_to_log_analytics()
    {
        var scopes = Template.OfType("Microsoft.Insights/diagnosticSettings")
            .Select(d =>
            {
                Assert.Equal("[parameters('workspaceId')]", d.Json.Str("properties.workspaceId"));
                return ArmExpression.Literal(ArmExpression.Call(d.Json.Str("scope")!).Arguments[0]);
            })
            .Order();

        Assert.Equal(
            new[]
            {
                "Microsoft.KeyVault/vaults", "Microsoft.ServiceBus/namespaces", "Microsoft.Storage/storageAccounts/blobServices",
                "Microsoft.Storage/storageAccounts/tableServices", "Microsoft.Web/sites",
            }.Order(),
            scopes);
    }
}
