namespace C2C.Infra.Tests.Workflows;

/// <summary>Every workflow and action file is valid against GitHub's published schemas (SchemaStore), checked offline.</summary>
public sealed class WorkflowSchemaTests
{
    [Theory]
    [MemberData(nameof(WorkflowFiles.AllData), MemberType = typeof(WorkflowFiles))]
    public void File_is_valid_against_the_github_schema(string path)
    {
        var (exit, errors) = ActionValidator.Validate(path);

        Assert.True(exit == 0, $"{path}:\n{errors}");
    }

    [Theory]
    // A step with both uses and run, and a job key GitHub does not know.
    [InlineData("workflow.yml", "name: x\non: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    timeout-minute: 5\n    steps:\n      - uses: actions/checkout@v4\n        run: echo\n", "timeout-minute")]
    // An unknown trigger.
    [InlineData("workflow.yml", "name: x\non: pushed\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n", "/on")]
    // A composite action whose run step names no shell.
    [InlineData("action.yml", "name: x\ndescription: y\nruns:\n  using: composite\n  steps:\n    - run: echo\n", "shell")]
    public void A_broken_file_fails_the_check(string fileName, string yaml, string expected)
    {
        var dir = Directory.CreateTempSubdirectory("c2c-schema-");
        try
        {
            var file = System.IO.Path.Combine(dir.FullName, fileName);
            File.WriteAllText(file, yaml);
            var (exit, errors) = ActionValidator.Validate(file);

            Assert.NotEqual(0, exit);
            Assert.Contains(expected, errors);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
