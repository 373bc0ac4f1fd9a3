using System.Buffers.Binary;
using Breakaway.Tests.Support;
using Breakaway.Web.Articles;
using SkiaSharp;

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
        Write("a.webp", TestPictures.WebP(200, 100));
        Write("b.gif", TestPictures.Gif(12, 7));

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

    [Fact]
    public void PictureWithTheWrongExtension_IsRefusedWithTheRightOne()
    {
        Write("renamed.jpg", TestPictures.Png(8, 8));

        var images = Load();

        Assert.Null(images.Find("renamed.jpg"));
        Assert.Equal("this is a PNG picture named .jpg: rename it to .png", Assert.Single(images.Problems).Reason);
    }
}

/// <summary>Small picture files built in code: valid PNG (real CRCs and image data) and GIF, and JPEG (with EXIF orientation) and WebP encoded by SkiaSharp.</summary>
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

    /// <summary>A real JPEG (encoded by SkiaSharp) with an EXIF APP1 segment carrying the orientation put right after its SOI marker.</summary>
    public static byte[] Jpeg(int width, int height, int orientation)
    {
        var exif = new List<byte>();
        exif.AddRange("Exif\0\0"u8.ToArray());
        exif.AddRange("MM\0*"u8.ToArray());
        exif.AddRange(new byte[] { 0, 0, 0, 8 }); // IFD0 at offset 8
        exif.AddRange(new byte[] { 0, 1 }); // one entry
        exif.AddRange(new byte[] { 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte)orientation, 0, 0 });
        exif.AddRange(new byte[] { 0, 0, 0, 0 });

        var encoded = Encode(width, height, SKEncodedImageFormat.Jpeg);
        var jpeg = new List<byte> { encoded[0], encoded[1], 0xFF, 0xE1 }; // SOI, APP1
        jpeg.AddRange(new byte[] { (byte)((exif.Count + 2) >> 8), (byte)((exif.Count + 2) & 0xFF) });
        jpeg.AddRange(exif);
        jpeg.AddRange(encoded[2..]);
        return [.. jpeg];
    }

    public static byte[] WebP(int width, int height) => Encode(width, height, SKEncodedImageFormat.Webp);

    /// <summary>A GIF of one grey frame; the LZW data sends a clear code before every two pixels, so every code is 3 bits.</summary>
    public static byte[] Gif(int width, int height)
    {
        var codes = new List<int>();
        for (var pixel = 0; pixel < width * height; pixel += 2)
        {
            codes.AddRange(pixel + 1 < width * height ? [4, 0, 0] : [4, 0]);
        }

        codes.Add(5); // end of information
        var lzw = new byte[(codes.Count * 3 + 7) / 8];
        for (var i = 0; i < codes.Count; i++)
        {
            for (var bit = 0; bit < 3; bit++)
            {
                if ((codes[i] >> bit & 1) != 0)
                {
                    lzw[(i * 3 + bit) / 8] |= (byte)(1 << ((i * 3 + bit) % 8));
                }
            }
        }

        byte[] size = [(byte)width, (byte)(width >> 8), (byte)height, (byte)(height >> 8)];
        return
        [
            .. "GIF89a"u8, .. size, 0x80, 0, 0, // logical screen with a 2-colour global palette
            0x80, 0x80, 0x80, 0xFF, 0xFF, 0xFF,
            0x2C, 0, 0, 0, 0, .. size, 0, // image descriptor
            2, // LZW minimum code size
            .. lzw.Chunk(255).SelectMany(block => (byte[])[(byte)block.Length, .. block]), 0,
            0x3B,
        ];
    }

    private static byte[] Encode(int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(SKColors.Gray);
        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
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
