using System.Runtime.InteropServices;

namespace C2C.Infra.Tests.Bicep;

/// <summary>Result of one Bicep CLI run. Diagnostics (warnings and errors) go to standard error.</summary>
public sealed record BicepRun(int ExitCode, string StandardOutput, string StandardError)
{
    public override string ToString() => $"exit {ExitCode}\n{StandardError}";
}

/// <summary>
/// The Bicep CLI from the Azure.Bicep.CommandLine.linux-x64 package, which the test project downloads with
/// PackageDownload into the NuGet global packages folder (no network at test time, same version everywhere).
/// </summary>
public static class BicepCli
{
    public const string Version = "0.49.2";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);
    private static readonly Lazy<string> Binary = new(Locate);

    public static string Path => Binary.Value;

    public static BicepRun Run(params string[] arguments)
    {
        // Offline and quiet: no telemetry, no version check.
        var run = ToolProcess.Run(Path, arguments, Timeout, new Dictionary<string, string> { ["BICEP_TELEMETRY_ENABLED"] = "false", ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" });
        return new BicepRun(run.ExitCode, run.StandardOutput, run.StandardError);
    }

    private static string Locate()
    {
        if (RuntimeInformation.OSArchitecture != Architecture.X64 || !OperatingSystem.IsLinux())
            throw new PlatformNotSupportedException("the pinned Bicep CLI package is linux-x64");
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var binary = System.IO.Path.Combine(packages, "azure.bicep.commandline.linux-x64", Version, "tools", "bicep");
        if (!File.Exists(binary))
            throw new FileNotFoundException($"Bicep CLI not found at {binary}: restore tests/C2C.Infra.Tests (PackageDownload Azure.Bicep.CommandLine.linux-x64 {Version}).", binary);
        // NuGet extracts without the execute bit.
        {
            var mode = File.GetUnixFileMode(binary);
            const UnixFileMode execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
            if ((mode & UnixFileMode.UserExecute) == 0)
                File.SetUnixFileMode(binary, mode | execute);
        }
        return binary;
    }
}
