namespace C2C.EndToEnd.Tests.Console;

/// <summary>The Debian chromium the browser tests drive (C2C_CHROMIUM overrides); a missing browser fails the test, it never skips it.</summary>
public static class Chromium
{
    public static string ExecutablePath
    {
        get
        {
            string?[] candidates = [Environment.GetEnvironmentVariable("C2C_CHROMIUM"), "/usr/lib/chromium/chromium", "/usr/bin/chromium"];
            return candidates.FirstOrDefault(File.Exists)
                ?? throw new InvalidOperationException("chromium not found: install the Debian package (apt-get install chromium, done by scripts/setup.sh) or set C2C_CHROMIUM");
        }
    }

    public static string ScreenshotDirectory
    {
        get
        {
            var directory = Path.Combine(RepoPaths.Root, "TestResults", "screenshots");
            Directory.CreateDirectory(directory);
            return directory;
        }
    }
}
