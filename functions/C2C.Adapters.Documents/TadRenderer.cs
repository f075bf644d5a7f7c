using System.Globalization;
using C2C.Core.Documents;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using ZXing;
using ZXing.OneD;

namespace C2C.Adapters.Documents;

/// <summary>
/// Renders the transit accompanying document (TAD) as a one-page A4 PDF (more pages for many goods items): the MRN in
/// large type and as a Code 128 barcode drawn as vector bars (sharp at any print resolution), then offices and route,
/// time limit, parties, transport and seals, goods, guarantee.
/// </summary>
public static class TadRenderer
{
    private const double Margin = 40;

    public static byte[] Render(TransitAccompanyingDocument tad)
    {
        DocumentFonts.Install();
        using var pdf = new PdfDocument();
        pdf.Info.Title = $"Transit accompanying document {tad.Mrn}";
        pdf.Info.Creator = "C2C Transit Exchange";
        var page = new Page(pdf);

        page.Text("TRANSIT ACCOMPANYING DOCUMENT", 16, bold: true);
        page.Text($"Declaration type {tad.DeclarationType} · version {tad.Version}", 9);
        page.Gap(6);
        page.Text($"MRN  {tad.Mrn}", 20, bold: true);
        page.Barcode(tad.Mrn);
        page.Gap(8);

        page.Heading("Offices and route");
        page.Field("Office of departure", tad.OfficeOfDeparture);
        foreach (var office in tad.OfficesOfTransit)
            page.Field($"Office of transit ({office.Role.ToLowerInvariant()})", office.Reference);
        page.Field("Office of destination", tad.OfficeOfDestination);
        page.Field("Countries of routing", string.Join(" → ", tad.CountriesOfRouting));
        page.Field("Released", tad.ReleasedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture));
        page.Field("Time limit", tad.TimeLimit.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        page.Heading("Parties");
        page.Field("Holder of the procedure", $"{tad.Holder.Name} ({tad.Holder.IdentificationNumber})");
        page.Field("Consignor", $"{tad.Consignor.Name}, {tad.Consignor.Address}");
        page.Field("Consignee", $"{tad.Consignee.Name}, {tad.Consignee.Address}");

        page.Heading("Transport and seals");
        page.Field("Means of transport", tad.MeansOfTransport);
        page.Field("Containers", tad.Containers.Count == 0 ? "none" : string.Join(", ", tad.Containers));
        page.Field("Seals", tad.Seals.Count == 0 ? "none" : $"{tad.Seals.Count}: {string.Join(", ", tad.Seals)}");

        page.Heading("Goods");
        foreach (var g in tad.Goods)
        {
            var value = g.StatisticalValue is { } v ? $", value {v.ToString("N2", CultureInfo.InvariantCulture)}" : "";
            page.Field($"Item {g.Number} · HS {g.CommodityCode}", $"{g.Description}; {g.Packages}; gross {g.GrossMass.ToString("N3", CultureInfo.InvariantCulture)} kg{value}");
        }

        page.Heading("Guarantee");
        foreach (var g in tad.Guarantees)
        {
            var reserved = g.Reservation is { } status ? $"; {status.ToString().ToLowerInvariant()} {g.AmountReserved?.ToString("N2", CultureInfo.InvariantCulture)} {g.Currency}" : "";
            page.Field($"GRN {g.Grn} (type {g.TypeCode})", $"amount to be covered {g.AmountToBeCovered.ToString("N2", CultureInfo.InvariantCulture)} {g.Currency}{reserved}");
        }

        page.Dispose();
        using var output = new MemoryStream();
        pdf.Save(output);
        return output.ToArray();
    }

    /// <summary>Writes top to bottom, starting a new page when the current one is full.</summary>
    private sealed class Page(PdfDocument pdf) : IDisposable
    {
        private PdfPage _page = null!;
        private XGraphics? _graphics;
        private double _y;

        private XGraphics Graphics
        {
            get
            {
                if (_graphics is null)
                    NewPage();
                return _graphics!;
            }
        }

        private double Width => _page.Width.Point - 2 * Margin;

        public void Text(string text, double size, bool bold = false)
        {
            var font = new XFont(DocumentFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
            Ensure(size * 1.4);
            Graphics.DrawString(text, font, XBrushes.Black, new XRect(Margin, _y, Width, size * 1.4), XStringFormats.TopLeft);
            _y += size * 1.4;
        }

        public void Gap(double points) => _y += points;

        public void Heading(string text)
        {
            Gap(8);
            Ensure(30);
            Text(text.ToUpperInvariant(), 10, bold: true);
            Graphics.DrawLine(XPens.Black, Margin, _y, Margin + Width, _y);
            Gap(3);
        }

        public void Field(string label, string value)
        {
            var labelFont = new XFont(DocumentFonts.Family, 8, XFontStyleEx.Bold);
            var valueFont = new XFont(DocumentFonts.Family, 9, XFontStyleEx.Regular);
            const double labelWidth = 170;
            var lines = Wrap(value, valueFont, Width - labelWidth);
            Ensure(lines.Count * 12 + 2);
            Graphics.DrawString(label, labelFont, XBrushes.Black, new XRect(Margin, _y + 1, labelWidth, 12), XStringFormats.TopLeft);
            foreach (var line in lines)
            {
                Graphics.DrawString(line, valueFont, XBrushes.Black, new XRect(Margin + labelWidth, _y, Width - labelWidth, 12), XStringFormats.TopLeft);
                _y += 12;
            }
            _y += 2;
        }

        /// <summary>Code 128 with its quiet zones, each module 1.2 pt wide and 50 pt high: read by any border office's scanner.</summary>
        public void Barcode(string text)
        {
            var matrix = new Code128Writer().encode(text, BarcodeFormat.CODE_128, 0, 1);
            const double module = 1.2, height = 50;
            Ensure(height + 6);
            for (var x = 0; x < matrix.Width; x++)
            {
                if (matrix[x, 0])
                    Graphics.DrawRectangle(XBrushes.Black, Margin + x * module, _y + 3, module, height);
            }
            _y += height + 6;
        }

        public void Dispose() => _graphics?.Dispose();

        private void Ensure(double height)
        {
            if (_graphics is null || _y + height > _page.Height.Point - Margin)
                NewPage();
        }

        private void NewPage()
        {
            _graphics?.Dispose();
            _page = pdf.AddPage();
            _page.Size = PageSize.A4;
            _graphics = XGraphics.FromPdfPage(_page);
            _y = Margin;
        }

        private List<string> Wrap(string text, XFont font, double width)
        {
            var lines = new List<string>();
            var line = "";
            foreach (var word in text.Split(' '))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (line.Length > 0 && Graphics.MeasureString(candidate, font).Width > width)
                {
                    lines.Add(line);
                    line = word;
                }
                else
                {
                    line = candidate;
                }
            }
            lines.Add(line);
            return lines;
        }
    }
}
