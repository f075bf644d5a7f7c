namespace C2C.Integration.Tests.Security;

/// <summary>
/// A fact that needs openssl: skipped, with the reason shown, only when openssl is absent and the certificate
/// script could not install it either (no apt-get, or not root).
/// </summary>
public sealed class OpenSslFactAttribute : FactAttribute
{
    public OpenSslFactAttribute()
    {
        if (!OnPath("openssl") && !(OnPath("apt-get") && Environment.UserName == "root"))
            Skip = "openssl is not installed and cannot be installed here (needs apt-get as root): scripts/certs/generate-dev-certs.sh cannot run";
    }

    internal static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, program)));
}
