namespace C2C.Infra.Tests.Workflows;

/// <summary>The deployment pipeline: OIDC, environments with approval for prod, what-if before create, package, smoke test.</summary>
public sealed class DeployWorkflowTests
{
    private static readonly Yaml Deploy = Yaml.Load(WorkflowFiles.Deploy);
    private static readonly Yaml Action = Yaml.Load(WorkflowFiles.DeployNodeAction);

    private static IDictionary<object, object?> Jobs => Yaml.Map(Yaml.Get(Deploy.Root, "jobs"), "jobs");

    [Fact]
    public void Runs_after_ci_passed_on_main_and_on_demand_never_on_a_bare_push()
    {
        var on = Yaml.Map(Yaml.Get(Deploy.Root, "on"), "on");
        Assert.Equal(["workflow_dispatch", "workflow_run"], on.Keys.Cast<string>().Order());
        var run = Yaml.Get(on, "workflow_run");
        // The workflow_run trigger names the CI workflow by its name.
        Assert.Equal([Yaml.Str(Yaml.Load(WorkflowFiles.Ci).Root, "name")], Yaml.Seq(Yaml.Get(run, "workflows"), "workflows").Cast<string>());
        Assert.Equal(["completed"], Yaml.Seq(Yaml.Get(run, "types"), "types").Cast<string>());
        Assert.Equal(["main"], Yaml.Seq(Yaml.Get(run, "branches"), "branches").Cast<string>());

        var inputs = Yaml.Map(Yaml.Get(Yaml.Get(on, "workflow_dispatch"), "inputs"), "workflow_dispatch.inputs");
        Assert.Equal(["dev", "prod"], Yaml.Seq(Yaml.Get(inputs["environment"], "options"), "environment.options").Cast<string>());
        Assert.Equal(["all", .. Bicep.ParameterFile.Countries], Yaml.Seq(Yaml.Get(inputs["country"], "options"), "country.options").Cast<string>());
    }

    [Fact]
    public void Nothing_is_deployed_before_tests_passed_on_the_commit_deployed()
    {
        var test = Jobs["test"];
        Assert.Equal("github.event_name == 'workflow_dispatch'", Yaml.Str(test, "if"));
        Assert.Contains(WorkflowFiles.Steps(Deploy), s => s.Job == "test" && Yaml.Str(s.Step, "run")?.Trim() == "bash .ci/run");

        var gate = Yaml.Str(Jobs["plan"], "if")!;
        Assert.Equal(["test"], WorkflowStructureTests.Needs(Jobs["plan"]));
        Assert.Contains("github.event_name == 'workflow_dispatch' && needs.test.result == 'success'", gate);
        Assert.Contains("github.event_name == 'workflow_run' && github.event.workflow_run.conclusion == 'success'", gate);
        // Every deploying job hangs off the plan, and checks out the commit that was tested.
        foreach (var job in new[] { "package", "dev", "prod" })
        {
            Assert.Contains("plan", DependsOn(job));
            var checkout = Assert.Single(WorkflowFiles.Steps(Deploy), s => s.Job == job && Yaml.Str(s.Step, "uses")?.StartsWith("actions/checkout@", StringComparison.Ordinal) == true);
            Assert.Equal("${{ needs.plan.outputs.ref }}", Yaml.Str(Yaml.Get(checkout.Step, "with"), "ref"));
        }
        Assert.Contains("github.event.workflow_run.head_sha || github.sha", string.Join('\n', WorkflowFiles.Steps(Deploy).Where(s => s.Job == "plan").Select(s => Yaml.Str(Yaml.Get(s.Step, "env"), "SHA"))));
    }

    [Theory]
    [InlineData("all", true)]
    [InlineData("bf", true)]
    [InlineData("xx", false)]
    public void The_plan_deploys_every_country_with_parameter_files_or_the_one_chosen(string chosen, bool succeeds)
    {
        var script = WorkflowFiles.Steps(Deploy).Single(s => s.Job == "plan" && Yaml.Str(s.Step, "id") == "countries").Step;
        var output = Path.GetTempFileName();
        try
        {
            var run = ToolProcess.Run("/bin/bash", ["-c", Yaml.Str(script, "run")!], TimeSpan.FromSeconds(30),
                new Dictionary<string, string> { ["CHOSEN"] = chosen, ["GITHUB_OUTPUT"] = output });

            Assert.Equal(succeeds, run.ExitCode == 0);
            if (!succeeds)
                return;
            var json = File.ReadAllLines(output).Single(l => l.StartsWith("json=", StringComparison.Ordinal))["json=".Length..];
            var countries = System.Text.Json.JsonSerializer.Deserialize<string[]>(json)!;
            Assert.Equal(chosen == "all" ? Bicep.ParameterFile.Countries.Order() : [chosen], countries.Order());
        }
        finally
        {
            File.Delete(output);
        }
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
        Assert.Contains("dev", DependsOn("prod"));
        Assert.Contains("package", DependsOn("dev"));
        // Prod only on an explicit manual request, never after a push.
        Assert.Contains("workflow_dispatch", Yaml.Str(Jobs["prod"], "if"));
        Assert.Contains("'prod'", Yaml.Str(Jobs["prod"], "if"));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Environment_job_deploys_each_planned_country_with_its_own_parameters_and_credentials_from_vars(string environment)
    {
        var job = Jobs[environment];
        Assert.Equal("${{ fromJSON(needs.plan.outputs.countries) }}", Yaml.Str(Yaml.Get(Yaml.Get(job, "strategy"), "matrix"), "country"));
        Assert.Equal($"deploy-{environment}-${{{{ matrix.country }}}}", Yaml.Str(Yaml.Get(job, "concurrency"), "group"));
        var deploy = Assert.Single(Yaml.Seq(Yaml.Get(job, "steps"), "steps"),
            s => Yaml.Str(s, "uses") == "./.github/actions/deploy-node");
        var with = Yaml.Map(Yaml.Get(deploy, "with"), "with");

        Assert.Equal(environment, with["environment"]);
        Assert.Equal("${{ matrix.country }}", with["country"]);
        Assert.Equal("${{ vars.AZURE_CLIENT_ID }}", with["client-id"]);
        Assert.Equal("${{ vars.AZURE_TENANT_ID }}", with["tenant-id"]);
        Assert.Equal("${{ vars.AZURE_SUBSCRIPTION_ID }}", with["subscription-id"]);
        Assert.EndsWith($"-{environment}-${{{{ matrix.country }}}}", (string)with["resource-group"]!);
    }

    private static IEnumerable<string> DependsOn(string job) => WorkflowStructureTests.Needs(Jobs[job]);

    [Fact]
    public void Package_is_the_isolated_worker_as_published_with_host_json_and_the_generated_function_metadata_at_its_root()
    {
        var runs = Yaml.Seq(Yaml.Get(Jobs["package"], "steps"), "steps").Select(s => Yaml.Str(s, "run") ?? "").ToList();
        var script = string.Join('\n', runs);

        // Framework-dependent: the platform's dotnet-isolated 10.0 stack runs it (functionapp.bicep).
        Assert.Contains("dotnet publish functions/C2C.Node -c Release -r linux-x64 --self-contained false -o pkg", script);
        Assert.Contains("(cd pkg && zip -qr ../c2c-node.zip .)", script);
        foreach (var entry in new[] { "host.json", "functions.metadata", "worker.config.json", "extensions.json", "C2C.Node.dll", "'.azurefunctions/*'" })
            Assert.Contains($" {entry}", script);
        Assert.DoesNotContain("FunctionsHost", script);
        Assert.DoesNotContain("handler", script);
        // host.json is the project's, published with it.
        Assert.Contains("<None Update=\"host.json\" CopyToOutputDirectory=\"PreserveNewest\" CopyToPublishDirectory=\"PreserveNewest\" />",
            File.ReadAllText(Path.Combine(RepoPaths.Root, "functions", "C2C.Node", "C2C.Node.csproj")));
        Assert.False(File.Exists(Path.Combine(RepoPaths.Root, "host.json")));
    }

    [Fact]
    public void Deployment_signs_in_with_oidc_runs_what_if_before_create_then_deploys_and_smoke_tests()
    {
        var steps = WorkflowFiles.Steps(Action).Select(s => s.Step).ToList();
        int Index(Func<IDictionary<object, object?>, bool> match) => steps.FindIndex(s => match(s));

        var login = Index(s => Yaml.Str(s, "uses") == "azure/login@v2");
        var whatIf = Index(s => Yaml.Str(s, "run")?.Contains("az deployment group what-if", StringComparison.Ordinal) == true);
        var create = Index(s => Yaml.Str(s, "run")?.Contains("az deployment group create", StringComparison.Ordinal) == true);
        var publish = Index(s => Yaml.Str(s, "run")?.Contains("az functionapp deployment source config-zip", StringComparison.Ordinal) == true);
        var smoke = Index(s => Yaml.Str(s, "run")?.Contains("/health/ready", StringComparison.Ordinal) == true);

        Assert.True(login >= 0 && login < whatIf && whatIf < create && create < publish && publish < smoke, $"order: {login} {whatIf} {create} {publish} {smoke}");
        var loginWith = Yaml.Map(Yaml.Get(steps[login], "with"), "login.with");
        Assert.Equal(["client-id", "subscription-id", "tenant-id"], loginWith.Keys.Cast<string>().Order());
        Assert.Equal("${{ steps.infra.outputs.app-name }}", Yaml.Str(Yaml.Get(steps[publish], "env"), "APP_NAME"));
        Assert.Equal("${{ inputs.package }}", Yaml.Str(Yaml.Get(steps[publish], "env"), "PACKAGE"));
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

    [Theory]
    [InlineData(0, true, 1)]
    [InlineData(3, true, 4)]
    [InlineData(99, false, 5)]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // a bash stand-in for az
    public void Package_deployment_retries_a_bounded_number_of_times_while_roles_propagate(int failures, bool succeeds, int calls)
    {
        // The step's script, run with a stand-in az that fails the first `failures` calls (a 403 while the app's new
        // role assignments do not apply yet), then succeeds.
        var step = WorkflowFiles.Steps(Action).Select(s => s.Step).Single(s => Yaml.Str(s, "run")?.Contains("config-zip", StringComparison.Ordinal) == true);
        var env = Yaml.Map(Yaml.Get(step, "env"), "env");
        Assert.Equal("12", env["ATTEMPTS"]);
        Assert.Equal("60", env["DELAY_SECONDS"]);
        var bin = Directory.CreateTempSubdirectory("c2c-az-");
        try
        {
            var log = Path.Combine(bin.FullName, "calls");
            var az = Path.Combine(bin.FullName, "az");
            File.WriteAllText(az, $"#!/bin/bash\necho \"$*\" >> '{log}'\n[ \"$(wc -l < '{log}')\" -gt {failures} ]\n");
            File.SetUnixFileMode(az, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var run = ToolProcess.Run("/bin/bash", ["-c", Yaml.Str(step, "run")!], TimeSpan.FromSeconds(30), new Dictionary<string, string>
            {
                ["PATH"] = $"{bin.FullName}:/usr/bin:/bin", ["RG"] = "rg-c2c-dev-tg", ["APP_NAME"] = "func-c2c-dev-tg-x", ["PACKAGE"] = "c2c-node.zip",
                ["ATTEMPTS"] = "5", ["DELAY_SECONDS"] = "0",
            });

            Assert.Equal(succeeds, run.ExitCode == 0);
            var made = File.ReadAllLines(log);
            Assert.Equal(calls, made.Length);
            Assert.All(made, c => Assert.Equal("functionapp deployment source config-zip -g rg-c2c-dev-tg -n func-c2c-dev-tg-x --src c2c-node.zip", c));
        }
        finally
        {
            bin.Delete(recursive: true);
        }
    }

    [Fact]
    public void No_secret_is_read_from_the_repository_settings()
    {
        foreach (var file in new[] { WorkflowFiles.Deploy, WorkflowFiles.DeployNodeAction, WorkflowFiles.Ci })
            Assert.DoesNotContain("secrets.", File.ReadAllText(Path.Combine(RepoPaths.Root, file)), StringComparison.Ordinal);
    }
}
