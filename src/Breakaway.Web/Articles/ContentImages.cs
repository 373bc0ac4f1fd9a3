using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using System.Xml;

namespace Breakaway.Web.Articles;

/// <summary>A picture in <c>content/tips/images/</c>, read once at load: its size on screen and a fingerprint of its bytes.</summary>
public sealed record ContentImage(string Name, string FilePath, string ContentType, int Width, int Height, long Bytes, string Fingerprint)
{
    /// <summary>The address the site serves it at: fixed route, file name, fingerprint (a changed file gets a new address).</summary>
    public string Url => $"{ContentImages.RoutePrefix}/{Name}?v={Fingerprint}";
}

/// <summary>
/// The pictures beside the articles, indexed by file name. A request only ever looks a name up here, so no address
/// can reach a file outside the folder. Width and height come from the file's own header (PNG, JPEG with its EXIF
/// orientation, WebP, GIF) or the SVG's root element; an SVG with script, event handlers or outside references is refused.
/// </summary>
public sealed partial class ContentImages
{
    public const string Folder = "images";
    public const string RoutePrefix = "/tips/images";

    public static readonly ContentImages Empty = new(new Dictionary<string, ContentImage>(), []);

    private readonly IReadOnlyDictionary<string, ContentImage> _byName;

    private ContentImages(IReadOnlyDictionary<string, ContentImage> byName, IReadOnlyList<ContentProblem> problems)
    {
        _byName = byName;
        Problems = problems;
    }

    /// <summary>Pictures that cannot be shown (unknown type, unreadable, too large, unsafe SVG), as <c>file:line: reason</c>.</summary>
    public IReadOnlyList<ContentProblem> Problems { get; }

    public IEnumerable<ContentImage> All => _byName.Values;

    /// <summary>File names: lower-case letters, digits, hyphens and underscores, one dot, a known extension.</summary>
    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,99}\\.(png|jpg|jpeg|webp|gif|svg)$")]
    public static partial Regex NamePattern();

    public ContentImage? Find(string? name) => name is not null && _byName.TryGetValue(name, out var image) ? image : null;

    /// <summary>Why a picture with this name is not in the index (a skipped file), or null when there is no such file.</summary>
    public ContentProblem? ProblemOf(string name) =>
        Problems.FirstOrDefault(p => p.File.EndsWith("/" + Folder + "/" + name, StringComparison.Ordinal));

    public static ContentImages Load(string tipsPath, Func<string, string> displayPath, long maxBytes)
    {
        var folder = Path.Combine(tipsPath, Folder);
        if (!Directory.Exists(folder))
        {
            return Empty;
        }

        var images = new Dictionary<string, ContentImage>(StringComparer.Ordinal);
        var problems = new List<ContentProblem>();
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            if (name.StartsWith('.'))
            {
                continue;
            }

            var display = displayPath(file);
            if (Path.GetDirectoryName(file) != folder)
            {
                problems.Add(new(display, 0, $"pictures go straight into tips/{Folder}/, not a folder inside it"));
                continue;
            }

            if (!NamePattern().IsMatch(name))
            {
                problems.Add(new(display, 0,
                    "rename the picture: use lower-case letters, digits and hyphens, ending in .png, .jpg, .webp, .gif or .svg (such as side-lying-clamshell.jpg)"));
                continue;
            }

            try
            {
                var bytes = File.ReadAllBytes(file);
                if (bytes.Length > maxBytes)
                {
                    problems.Add(new(display, 0,
                        $"the picture is {Kilobytes(bytes.Length)} KB; the limit is {Kilobytes(maxBytes)} KB: save it smaller (about 1600 pixels wide is plenty)"));
                    continue;
                }

                var extension = Path.GetExtension(name)[1..];
                var read = extension == "svg" ? ReadSvg(bytes) : ReadRaster(bytes, extension);
                if (read.Problem is not null)
                {
                    problems.Add(new(display, read.Line, read.Problem));
                    continue;
                }

                var fingerprint = Convert.ToHexStringLower(SHA256.HashData(bytes))[..12];
                images.Add(name, new ContentImage(name, file, ContentTypeOf(extension), read.Width, read.Height, bytes.Length, fingerprint));
            }
            catch (IOException ex)
            {
                problems.Add(new(display, 0, $"could not be read: {ex.Message}"));
            }
        }

        return new ContentImages(images, problems);
    }

    private static long Kilobytes(long bytes) => (bytes + 1023) / 1024;

    private static string ContentTypeOf(string extension) => extension switch
    {
        "png" => "image/png",
        "jpg" or "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "gif" => "image/gif",
        _ => "image/svg+xml",
    };

    private readonly record struct Read(int Width, int Height, string? Problem = null, int Line = 0);

    private static Read Fail(string problem, int line = 0) => new(0, 0, problem, line);

    internal static (int Width, int Height)? RasterSize(byte[] bytes, string extension)
    {
        var read = ReadRaster(bytes, extension);
        return read.Problem is null ? (read.Width, read.Height) : null;
    }

    private static Read ReadRaster(byte[] b, string extension)
    {
        var size = extension switch
        {
            "png" => Png(b),
            "jpg" or "jpeg" => Jpeg(b),
            "webp" => WebP(b),
            _ => Gif(b),
        };
        return size is { Width: > 0 and <= 20_000, Height: > 0 and <= 20_000 } s
            ? new Read(s.Width, s.Height)
            : Fail($"this is not a readable .{extension} picture: open it and save it again as {extension.ToUpperInvariant()}");
    }

    private static (int Width, int Height)? Png(byte[] b)
    {
        ReadOnlySpan<byte> signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        if (b.Length < 24 || !b.AsSpan(0, 8).SequenceEqual(signature) || !b.AsSpan(12, 4).SequenceEqual("IHDR"u8))
        {
            return null;
        }

        return (BinaryPrimitives.ReadInt32BigEndian(b.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(b.AsSpan(20)));
    }

    private static (int Width, int Height)? Gif(byte[] b) =>
        b.Length >= 10 && (b.AsSpan(0, 6).SequenceEqual("GIF87a"u8) || b.AsSpan(0, 6).SequenceEqual("GIF89a"u8))
            ? (BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(6)), BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(8)))
            : null;

    private static (int Width, int Height)? WebP(byte[] b)
    {
        if (b.Length < 30 || !b.AsSpan(0, 4).SequenceEqual("RIFF"u8) || !b.AsSpan(8, 4).SequenceEqual("WEBP"u8))
        {
            return null;
        }

        var chunk = b.AsSpan(12, 4);
        if (chunk.SequenceEqual("VP8X"u8))
        {
            return (1 + (b[24] | b[25] << 8 | b[26] << 16), 1 + (b[27] | b[28] << 8 | b[29] << 16));
        }

        if (chunk.SequenceEqual("VP8L"u8) && b[20] == 0x2F)
        {
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(21));
            return ((int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
        }

        if (chunk.SequenceEqual("VP8 "u8) && b[23] == 0x9D && b[24] == 0x01 && b[25] == 0x2A)
        {
            return (BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(26)) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(28)) & 0x3FFF);
        }

        return null;
    }

    /// <summary>
    /// Walks the JPEG markers to the first start-of-frame. A camera's EXIF orientation 5-8 means the browser shows the
    /// picture turned a quarter, so width and height swap (browsers apply the orientation by default).
    /// </summary>
    private static (int Width, int Height)? Jpeg(byte[] b)
    {
        if (b.Length < 4 || b[0] != 0xFF || b[1] != 0xD8)
        {
            return null;
        }

        var orientation = 1;
        var i = 2;
        while (i + 4 <= b.Length)
        {
            if (b[i] != 0xFF)
            {
                return null;
            }

            var marker = b[i + 1];
            if (marker == 0xFF)
            {
                i++;
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(b.AsSpan(i + 2));
            if (length < 2 || i + 2 + length > b.Length)
            {
                return null;
            }

            var segment = b.AsSpan(i + 4, length - 2);
            if (marker == 0xE1)
            {
                orientation = ExifOrientation(segment) ?? orientation;
            }

            // SOF0-SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC && segment.Length >= 5)
            {
                int height = BinaryPrimitives.ReadUInt16BigEndian(segment[1..]);
                int width = BinaryPrimitives.ReadUInt16BigEndian(segment[3..]);
                return orientation >= 5 ? (height, width) : (width, height);
            }

            i += 2 + length;
        }

        return null;
    }

    private static int? ExifOrientation(ReadOnlySpan<byte> app1)
    {
        if (app1.Length < 14 || !app1[..6].SequenceEqual("Exif\0\0"u8))
        {
            return null;
        }

        var tiff = app1[6..];
        var little = tiff[0] == (byte)'I';
        ushort U16(ReadOnlySpan<byte> s) => little ? BinaryPrimitives.ReadUInt16LittleEndian(s) : BinaryPrimitives.ReadUInt16BigEndian(s);
        uint U32(ReadOnlySpan<byte> s) => little ? BinaryPrimitives.ReadUInt32LittleEndian(s) : BinaryPrimitives.ReadUInt32BigEndian(s);
        var ifd = U32(tiff[4..]);
        if (ifd + 2 > tiff.Length)
        {
            return null;
        }

        var count = U16(tiff[(int)ifd..]);
        for (var e = 0; e < count; e++)
        {
            var entry = (int)ifd + 2 + e * 12;
            if (entry + 12 > tiff.Length)
            {
                return null;
            }

            if (U16(tiff[entry..]) == 0x0112)
            {
                return U16(tiff[(entry + 8)..]);
            }
        }

        return null;
    }

    /// <summary>
    /// The SVG must be a plain drawing: no script, no event handlers, no foreignObject, no links or images that point
    /// outside the file, no DTD. It is served with the site's own CSP as well, but a picture should not need that.
    /// </summary>
    private static Read ReadSvg(byte[] bytes)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes), settings);
            var info = (IXmlLineInfo)reader;
            int? width = null, height = null;
            var root = true;
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.ProcessingInstruction)
                {
                    return Fail("remove the processing instruction (<?...?>): a picture needs only its drawing", info.LineNumber);
                }

                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                var element = reader.LocalName;
                if (root)
                {
                    if (element != "svg" || reader.NamespaceURI != "http://www.w3.org/2000/svg")
                    {
                        return Fail("the file does not start with an <svg xmlns=\"http://www.w3.org/2000/svg\"> element", info.LineNumber);
                    }

                    (width, height) = SvgSize(reader);
                    root = false;
                }

                if (element is "script" or "foreignObject" or "iframe" or "embed" or "object" or "handler" or "listener")
                {
                    return Fail($"remove the <{element}> element: pictures may not contain scripts or web content", info.LineNumber);
                }

                if (element is "style")
                {
                    return Fail("remove the <style> element: use fill and stroke attributes on the shapes instead", info.LineNumber);
                }

                while (reader.MoveToNextAttribute())
                {
                    var attribute = reader.LocalName;
                    if (attribute.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                    {
                        return Fail($"remove the '{attribute}' attribute: pictures may not contain scripts", info.LineNumber);
                    }

                    if (attribute is "href" or "src" && !reader.Value.StartsWith('#'))
                    {
                        return Fail($"remove the link to '{reader.Value}': a picture may only point inside itself (href=\"#...\")", info.LineNumber);
                    }

                    if (reader.Value.Contains("url(", StringComparison.OrdinalIgnoreCase) && !reader.Value.Replace(" ", "", StringComparison.Ordinal).Contains("url(#", StringComparison.OrdinalIgnoreCase))
                    {
                        return Fail($"remove the outside reference in '{attribute}': only url(#...) is allowed", info.LineNumber);
                    }
                }
            }

            return width is > 0 and <= 20_000 && height is > 0 and <= 20_000
                ? new Read(width.Value, height.Value)
                : Fail("give the <svg> element a viewBox (such as viewBox=\"0 0 800 450\") or width and height in pixels", 1);
        }
        catch (XmlException ex)
        {
            return ex.Message.Contains("DTD", StringComparison.Ordinal)
                ? Fail("remove the <!DOCTYPE ...> line: a picture needs only its <svg> element", Math.Max(1, ex.LineNumber))
                : Fail($"the SVG is not well-formed XML: {ex.Message.Split(" Line ")[0].TrimEnd('.')}", Math.Max(1, ex.LineNumber));
        }
    }

    private static (int? Width, int? Height) SvgSize(XmlReader svg)
    {
        static int? Pixels(string? value)
        {
            if (value is null)
            {
                return null;
            }

            var number = value.EndsWith("px", StringComparison.Ordinal) ? value[..^2] : value;
            return double.TryParse(number, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d) && d > 0
                ? (int)Math.Round(d)
                : null;
        }

        var width = Pixels(svg.GetAttribute("width"));
        var height = Pixels(svg.GetAttribute("height"));
        if (width is not null && height is not null)
        {
            return (width, height);
        }

        var viewBox = svg.GetAttribute("viewBox")?.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
        return viewBox is { Length: 4 } ? (Pixels(viewBox[2]), Pixels(viewBox[3])) : (null, null);
    }
}
