namespace C2C.Infra.Tests.Scripts;

/// <summary>
/// scripts/lib/packages.sh, run with stand-ins for id, sudo and apt-get on PATH: GitHub-hosted runners are not root,
/// so apt-get must go through sudo there, and run as it is for root (this machine, CI here).
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // bash scripts
public sealed class PackageHelperTests
{
    [Theory]
    [InlineData(1001, "sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq jq")]
    [InlineData(0, "apt-get install -y -qq jq")]
    public void Apt_install_uses_sudo_only_when_not_root(int uid, string expectedInstall)
    {
        using var bin = new StandIns(uid, withSudo: true);
        var (exit, _) = bin.Run("apt_install jq");

        Assert.Equal(0, exit);
        var calls = bin.Calls();
        Assert.Equal(2, calls.Count); // update, then install
        Assert.EndsWith(expectedInstall, calls[1], StringComparison.Ordinal);
        Assert.Equal(uid != 0, calls[0].StartsWith("sudo ", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_root_or_sudo_it_fails_saying_why()
    {
        using var bin = new StandIns(1001, withSudo: false);
        var (exit, stderr) = bin.Run("apt_install jq");

        Assert.NotEqual(0, exit);
        Assert.Contains("need root (or sudo)", stderr);
        Assert.Empty(bin.Calls());
    }

    /// <summary>A PATH folder whose id, sudo and apt-get only record how they were called.</summary>
    private sealed class StandIns : IDisposable
    {
        private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("c2c-packages-");

        public StandIns(int uid, bool withSudo)
        {
            Write("id", $"echo {uid}");
            Write("apt-get", "echo \"apt-get $*\" >> \"$CALLS\"");
            if (withSudo)
                Write("sudo", "echo \"sudo $*\" >> \"$CALLS\"");
            File.CreateSymbolicLink(Path.Combine(_dir.FullName, "env"), "/usr/bin/env");
        }

        private string CallsFile => Path.Combine(_dir.FullName, "calls");

        public (int Exit, string StandardError) Run(string command)
        {
            var helper = Path.Combine(RepoPaths.Root, "scripts", "lib", "packages.sh");
            // Only the stand-ins (and env) on PATH: a real sudo or apt-get must never be reached.
            var run = ToolProcess.Run("/bin/bash", ["-c", $"source '{helper}' && {command}"], TimeSpan.FromSeconds(30),
                new Dictionary<string, string> { ["PATH"] = _dir.FullName, ["CALLS"] = CallsFile });
            return (run.ExitCode, run.StandardError);
        }

        public List<string> Calls() => File.Exists(CallsFile) ? File.ReadAllLines(CallsFile).ToList() : [];

        private void Write(string name, string body)
        {
            var path = Path.Combine(_dir.FullName, name);
            File.WriteAllText(path, $"#!/bin/sh\n{body}\n");
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        public void Dispose() => _dir.Delete(recursive: true);
    }
}
