using System.Buffers.Binary;
using Breakaway.Tests.Support;
using Breakaway.Web.Articles;

namespace Breakaway.Tests.Articles;

/// <summary>Pictures in tips/images: sizes read from the files, and the files refused with a reason.</summary>
public sealed class ContentImagesTests : IDisposable
{
    private readonly TempContent _content = new();

    private string ImagesPath => Directory.CreateDirectory(Path.Combine(_content.TipsPath, ContentImages.Folder)).FullName;

    private ContentImages Load(long maxBytes = 500 * 1024) =>
        ContentImages.Load(_content.TipsPath, file => "content/" + Path.GetRelativePath(_content.Path, file).Replace('\\', '/'), maxBytes);

    private void Write(string name, byte[] bytes) => File.WriteAllBytes(Path.Combine(ImagesPath, name), bytes);

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(ImagesPath, name), text);

    public void Dispose() => _content.Dispose();

    [Fact]
    public void Png_SizeComesFromItsHeader()
    {
        Write("bridge.png", TestPictures.Png(640, 360));

        var image = Load().Find("bridge.png")!;

        Assert.Equal((640, 360), (image.Width, image.Height));
        Assert.Equal("image/png", image.ContentType);
        Assert.Matches("^/tips/images/bridge.png\\?v=[0-9a-f]{12}$", image.Url);
    }

    [Theory]
    [InlineData(1, 800, 600)]
    [InlineData(6, 600, 800)]
    [InlineData(8, 600, 800)]
    public void Jpeg_SizeFollowsTheCameraOrientation(int orientation, int width, int height)
    {
        Write("photo.jpg", TestPictures.Jpeg(800, 600, orientation));

        var image = Load().Find("photo.jpg")!;

        Assert.Equal((width, height), (image.Width, image.Height));
    }

    [Fact]
    public void WebP_And_Gif_SizesAreRead()
    {
        var webp = new byte[30];
        "RIFF"u8.CopyTo(webp);
        "WEBPVP8X"u8.CopyTo(webp.AsSpan(8));
        webp[24] = 199; // 200 - 1, 24-bit little endian
        webp[27] = 99;
        Write("a.webp", webp);
        Write("b.gif", [.. "GIF89a"u8, 12, 0, 7, 0]);

        var images = Load();

        Assert.Equal((200, 100), (images.Find("a.webp")!.Width, images.Find("a.webp")!.Height));
        Assert.Equal((12, 7), (images.Find("b.gif")!.Width, images.Find("b.gif")!.Height));
    }

    [Theory]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 800 450\"><rect width=\"10\" height=\"10\"/></svg>", 800, 450)]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"320px\" height=\"200\" viewBox=\"0 0 32 20\"/>", 320, 200)]
    public void Svg_SizeComesFromTheRootElement(string svg, int width, int height)
    {
        Write("diagram.svg", svg);

        var image = Load().Find("diagram.svg")!;

        Assert.Equal((width, height), (image.Width, image.Height));
        Assert.Equal("image/svg+xml", image.ContentType);
    }

    [Theory]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 8 4\">\n<script>alert(1)</script></svg>", 2, "remove the <script> element")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 8 4\" onload=\"alert(1)\"/>", 1, "remove the 'onload' attribute")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:x=\"http://www.w3.org/1999/xlink\" viewBox=\"0 0 8 4\"><image x:href=\"https://evil.example/a.png\"/></svg>", 1, "remove the link to 'https://evil.example/a.png'")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 8 4\"><foreignObject/></svg>", 1, "remove the <foreignObject> element")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 8 4\"><rect fill=\"url(https://evil.example/#a)\"/></svg>", 1, "remove the outside reference in 'fill'")]
    [InlineData("<!DOCTYPE svg [<!ENTITY x \"y\">]><svg xmlns=\"http://www.w3.org/2000/svg\"/>", 1, "remove the <!DOCTYPE ...> line")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 8 4\">\n<rect>\n</svg>", 3, "the SVG is not well-formed XML")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><rect/></svg>", 1, "give the <svg> element a viewBox")]
    [InlineData("<html/>", 1, "does not start with an <svg")]
    public void Svg_WithScriptOrOutsideReferences_IsRefusedWithTheLine(string svg, int line, string reason)
    {
        Write("bad.svg", svg);

        var images = Load();

        Assert.Null(images.Find("bad.svg"));
        var problem = Assert.Single(images.Problems);
        Assert.Equal("content/tips/images/bad.svg", problem.File);
        Assert.Equal(line, problem.Line);
        Assert.Contains(reason, problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void OversizeFile_IsRefusedWithItsSizeAndTheLimit()
    {
        Write("huge.png", [.. TestPictures.Png(4000, 3000), .. new byte[3000]]);

        var images = Load(maxBytes: 2 * 1024);

        Assert.Null(images.Find("huge.png"));
        Assert.Matches("^the picture is [0-9]+ KB; the limit is 2 KB: save it smaller", Assert.Single(images.Problems).Reason);
    }

    [Theory]
    [InlineData("Photo.PNG")]
    [InlineData("with space.png")]
    [InlineData("notes.txt")]
    public void BadFileName_IsRefused(string name)
    {
        Write(name, TestPictures.Png(2, 2));

        var images = Load();

        Assert.Empty(images.All);
        Assert.Contains("rename the picture", Assert.Single(images.Problems).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void FileThatIsNotWhatItsNameSays_IsRefused()
    {
        Write("fake.png", "not a png at all");

        var images = Load();

        Assert.Contains("this is not a readable .png picture", Assert.Single(images.Problems).Reason, StringComparison.Ordinal);
    }
}

/// <summary>Small picture files built in code: a valid PNG (real CRCs and image data) and a JPEG header with EXIF orientation.</summary>
public static class TestPictures
{
    public static byte[] Png(int width, int height)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 0; // greyscale
        using var raw = new MemoryStream();
        using (var zlib = new System.IO.Compression.ZLibStream(raw, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            var row = new byte[width + 1]; // filter byte 0, then grey pixels
            Array.Fill(row, (byte)0x80, 1, width);
            for (var y = 0; y < height; y++)
            {
                zlib.Write(row);
            }
        }

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", raw.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    public static byte[] Jpeg(int width, int height, int orientation)
    {
        var exif = new List<byte>();
        exif.AddRange("Exif\0\0"u8.ToArray());
        exif.AddRange("MM\0*"u8.ToArray());
        exif.AddRange(new byte[] { 0, 0, 0, 8 }); // IFD0 at offset 8
        exif.AddRange(new byte[] { 0, 1 }); // one entry
        exif.AddRange(new byte[] { 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte)orientation, 0, 0 });
        exif.AddRange(new byte[] { 0, 0, 0, 0 });

        var jpeg = new List<byte> { 0xFF, 0xD8, 0xFF, 0xE1 };
        jpeg.AddRange(new byte[] { (byte)((exif.Count + 2) >> 8), (byte)((exif.Count + 2) & 0xFF) });
        jpeg.AddRange(exif);
        jpeg.AddRange(new byte[] { 0xFF, 0xC0, 0, 11, 8, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 1, 1, 0x11, 0 });
        jpeg.AddRange(new byte[] { 0xFF, 0xD9 });
        return [.. jpeg];
    }

    private static void Chunk(Stream stream, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        stream.Write(length);
        var typed = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        stream.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        stream.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }
}
