using System.Diagnostics;
using System.Text;
using ZXing;
using ZXing.Common;

namespace C2C.Node.Tests.Documents;

/// <summary>A PDF as a printer would put it on paper (poppler's pdftoppm) and as a reader sees its text (pdftotext); the barcode as a scanner reads it (ZXing).</summary>
internal static class PrintedDocument
{
    public static async Task<string> TextAsync(string pdfPath) => Encoding.UTF8.GetString(await RunAsync("pdftotext", "-layout", pdfPath, "-"));

    /// <summary>Writes page 1 as PNG beside the PDF (to look at) and returns it as 8-bit grey pixels (PGM) for the decoder.</summary>
    public static async Task<(byte[] Pixels, int Width, int Height)> RasteriseAsync(string pdfPath, int dpi)
    {
        var stem = Path.ChangeExtension(pdfPath, null);
        await RunAsync("pdftoppm", "-png", "-r", $"{dpi}", "-f", "1", "-l", "1", "-singlefile", pdfPath, stem);
        await RunAsync("pdftoppm", "-gray", "-r", $"{dpi}", "-f", "1", "-l", "1", "-singlefile", pdfPath, stem);
        return ReadPgm(await File.ReadAllBytesAsync(stem + ".pgm"));
    }

    public static string? DecodeCode128((byte[] Pixels, int Width, int Height) image)
    {
        var reader = new BarcodeReaderGeneric { Options = new DecodingOptions { PossibleFormats = [BarcodeFormat.CODE_128], TryHarder = true } };
        return reader.Decode(new RGBLuminanceSource(image.Pixels, image.Width, image.Height, RGBLuminanceSource.BitmapFormat.Gray8))?.Text;
    }

    /// <summary>Binary PGM (P5): "P5 width height maxval" then one byte per pixel.</summary>
    private static (byte[] Pixels, int Width, int Height) ReadPgm(byte[] pgm)
    {
        var fields = new List<string>();
        var i = 0;
        while (fields.Count < 4)
        {
            while (char.IsWhiteSpace((char)pgm[i]))
                i++;
            var start = i;
            while (!char.IsWhiteSpace((char)pgm[i]))
                i++;
            fields.Add(Encoding.ASCII.GetString(pgm, start, i - start));
        }
        Assert.Equal("P5", fields[0]);
        var (width, height) = (int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture), int.Parse(fields[2], System.Globalization.CultureInfo.InvariantCulture));
        return (pgm[(i + 1)..(i + 1 + width * height)], width, height);
    }

    private static async Task<byte[]> RunAsync(string tool, params string[] arguments)
    {
        var psi = new ProcessStartInfo(tool, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"cannot run {tool} (scripts/setup.sh installs poppler-utils)");
        using var output = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
        var errors = process.StandardError.ReadToEndAsync();
        using var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(bounded.Token);
        await copy;
        Assert.True(process.ExitCode == 0, $"{tool} exited {process.ExitCode}: {await errors}");
        return output.ToArray();
    }
}
