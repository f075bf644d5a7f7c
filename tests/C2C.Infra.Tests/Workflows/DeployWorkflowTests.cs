namespace C2C.Infra.Tests.Workflows;

/// <summary>The deployment pipeline: OIDC, environments with approval for prod, what-if before create, package, smoke test.</summary>
public sealed class DeployWorkflowTests
{
    private static readonly Yaml Deploy = Yaml.Load(WorkflowFiles.Deploy);
    private static readonly Yaml Action = Yaml.Load(WorkflowFiles.DeployNodeAction);

    private static IDictionary<object, object?> Jobs => Yaml.Map(Yaml.Get(Deploy.Root, "jobs"), "jobs");

    [Fact]
    public void Runs_on_push_to_main_and_on_demand_with_environment_and_country()
    {
        var on = Yaml.Map(Yaml.Get(Deploy.Root, "on"), "on");
        Assert.Equal(["main"], Yaml.Seq(Yaml.Get(Yaml.Get(on, "push"), "branches"), "push.branches").Cast<string>());

        var inputs = Yaml.Map(Yaml.Get(Yaml.Get(on, "workflow_dispatch"), "inputs"), "workflow_dispatch.inputs");
        Assert.Equal(["dev", "prod"], Yaml.Seq(Yaml.Get(inputs["environment"], "options"), "environment.options").Cast<string>());
        Assert.Equal(["tg", "bf"], Yaml.Seq(Yaml.Get(inputs["country"], "options"), "country.options").Cast<string>());
        // Every offered pair has its parameter file.
        foreach (var env in new[] { "dev", "prod" })
            foreach (var cc in new[] { "tg", "bf" })
                Assert.True(File.Exists(Path.Combine(RepoPaths.InfraBicep, "params", $"{env}.{cc}.bicepparam")), $"{env}.{cc}.bicepparam");
    }

    [Fact]
    public void Token_permissions_are_oidc_and_read_only_contents()
    {
        var permissions = Yaml.Map(Yaml.Get(Deploy.Root, "permissions"), "permissions");

        Assert.Equal("write", permissions["id-token"]);
        Assert.Equal("read", permissions["contents"]);
        Assert.Equal(2, permissions.Count);
    }

    [Fact]
    public void Dev_and_prod_jobs_use_their_github_environments_and_prod_needs_dev()
    {
        Assert.Equal("dev", Yaml.Str(Jobs["dev"], "environment"));
        Assert.Equal("prod", Yaml.Str(Jobs["prod"], "environment"));
        Assert.Contains("dev", WorkflowStructureTests.Needs(Jobs["prod"]));
        Assert.Contains("package", WorkflowStructureTests.Needs(Jobs["dev"]));
        // Prod only on an explicit manual request, never on push.
        Assert.Contains("workflow_dispatch", Yaml.Str(Jobs["prod"], "if"));
        Assert.Contains("'prod'", Yaml.Str(Jobs["prod"], "if"));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Environment_job_deploys_its_own_parameters_with_credentials_from_vars(string environment)
    {
        var deploy = Assert.Single(Yaml.Seq(Yaml.Get(Jobs[environment], "steps"), "steps"),
            s => Yaml.Str(s, "uses") == "./.github/actions/deploy-node");
        var with = Yaml.Map(Yaml.Get(deploy, "with"), "with");

        Assert.Equal(environment, with["environment"]);
        Assert.Equal("${{ vars.AZURE_CLIENT_ID }}", with["client-id"]);
        Assert.Equal("${{ vars.AZURE_TENANT_ID }}", with["tenant-id"]);
        Assert.Equal("${{ vars.AZURE_SUBSCRIPTION_ID }}", with["subscription-id"]);
        Assert.Contains($"-{environment}-", (string)with["resource-group"]!);
    }

    [Fact]
    public void Package_is_the_self_contained_node_with_host_json_and_function_folders()
    {
        var runs = Yaml.Seq(Yaml.Get(Jobs["package"], "steps"), "steps").Select(s => Yaml.Str(s, "run") ?? "").ToList();
        var script = string.Join('\n', runs);

        Assert.Contains("dotnet publish functions/C2C.Node -c Release -r linux-x64 --self-contained -o pkg/handler", script);
        Assert.Contains("cp host.json pkg/", script);
        Assert.Contains("functions/C2C.Node/FunctionsHost/*/", script);
        Assert.Contains("zip", script);
        // host.json starts handler/C2C.Node: the publish output folder must be "handler".
        Assert.Contains("\"defaultExecutablePath\": \"handler/C2C.Node\"", File.ReadAllText(Path.Combine(RepoPaths.Root, "host.json")));
    }

    [Fact]
    public void Deployment_signs_in_with_oidc_runs_what_if_before_create_then_deploys_and_smoke_tests()
    {
        var steps = WorkflowFiles.Steps(Action).Select(s => s.Step).ToList();
        int Index(Func<IDictionary<object, object?>, bool> match) => steps.FindIndex(s => match(s));

        var login = Index(s => Yaml.Str(s, "uses") == "azure/login@v2");
        var whatIf = Index(s => Yaml.Str(s, "run")?.Contains("az deployment group what-if", StringComparison.Ordinal) == true);
        var create = Index(s => Yaml.Str(s, "run")?.Contains("az deployment group create", StringComparison.Ordinal) == true);
        var publish = Index(s => Yaml.Str(s, "uses") == "Azure/functions-action@v1");
        var smoke = Index(s => Yaml.Str(s, "run")?.Contains("/health/ready", StringComparison.Ordinal) == true);

        Assert.True(login >= 0 && login < whatIf && whatIf < create && create < publish && publish < smoke, $"order: {login} {whatIf} {create} {publish} {smoke}");
        var loginWith = Yaml.Map(Yaml.Get(steps[login], "with"), "login.with");
        Assert.Equal(["client-id", "subscription-id", "tenant-id"], loginWith.Keys.Cast<string>().Order());
        Assert.Equal("flexconsumption", Yaml.Str(Yaml.Get(steps[publish], "with"), "sku"));
        Assert.Contains("-f infra-bicep/main.bicep -p \"$PARAMS\"", Yaml.Str(steps[create], "run"));
        Assert.Contains("infra-bicep/params/${{ inputs.environment }}.${{ inputs.country }}.bicepparam", Yaml.Str(Yaml.Get(steps[create], "env"), "PARAMS"));
    }

    [Fact]
    public void Smoke_test_retries_a_bounded_number_of_times_with_a_request_timeout()
    {
        var smoke = WorkflowFiles.Steps(Action).Select(s => Yaml.Str(s.Step, "run")).Single(r => r?.Contains("/health", StringComparison.Ordinal) == true)!;

        // Readiness, not liveness: the endpoint the node maps (C2C.Node ReadinessEndpoints) and nothing less.
        Assert.Contains("url=\"https://${HOST_NAME}/health/ready\"", smoke);
        Assert.Contains("MapGet(\"/health/ready\"", File.ReadAllText(Path.Combine(RepoPaths.Root, "functions", "C2C.Node", "Http", "ReadinessEndpoints.cs")));
        Assert.Contains("= 200 ]", smoke);
        Assert.Contains("for attempt in $(seq 1 20)", smoke);
        Assert.Contains("--max-time", smoke);
        Assert.Contains("exit 1", smoke);
    }

    [Fact]
    public void No_secret_is_read_from_the_repository_settings()
    {
        foreach (var file in new[] { WorkflowFiles.Deploy, WorkflowFiles.DeployNodeAction, WorkflowFiles.Ci })
            Assert.DoesNotContain("secrets.", File.ReadAllText(Path.Combine(RepoPaths.Root, file)), StringComparison.Ordinal);
    }
}
