using PdfSharp.Fonts;

namespace C2C.Adapters.Documents;

/// <summary>
/// PDFsharp's font resolving made explicit: one sans family from the fonts the host has (DejaVu or Liberation on Linux,
/// Arial on Windows), embedded in the PDF, so the document looks the same wherever it is printed. Set once per process.
/// </summary>
internal sealed class DocumentFonts : IFontResolver
{
    public const string Family = "C2C Sans";

    private static readonly string[] Regular =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans.ttf", @"C:\Windows\Fonts\arial.ttf",
    ];

    private static readonly string[] Bold =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf", @"C:\Windows\Fonts\arialbd.ttf",
    ];

    private static readonly Lock Gate = new();
    private static bool _installed;

    public static void Install()
    {
        lock (Gate)
        {
            if (_installed)
                return;
            GlobalFontSettings.FontResolver = new DocumentFonts();
            _installed = true;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "c2c-bold" : "c2c-regular", false, italic);

    public byte[]? GetFont(string faceName) =>
        File.ReadAllBytes((faceName == "c2c-bold" ? Bold : Regular).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("no font for the transit accompanying document: install fonts-dejavu-core or fonts-liberation"));
}
