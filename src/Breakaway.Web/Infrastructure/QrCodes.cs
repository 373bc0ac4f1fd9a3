using QRCoder;

namespace Breakaway.Web.Infrastructure;

/// <summary>QR codes as PNG data URIs (allowed by the CSP's <c>img-src data:</c>), drawn on the server.</summary>
public static class QrCodes
{
    public static string PngDataUri(string text, int pixelsPerModule = 6)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(pixelsPerModule);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
