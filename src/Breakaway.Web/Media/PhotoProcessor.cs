using SkiaSharp;

namespace Breakaway.Web.Media;

/// <summary>One encoded variant of a photo.</summary>
public sealed record PhotoVariant(int Width, int Height, string Extension, byte[] Bytes);

/// <summary>What became of an upload: the variants, or a message for the person who sent it.</summary>
public sealed record PhotoResult(IReadOnlyList<PhotoVariant> Variants, int Width, int Height, string? Problem)
{
    public static PhotoResult Refused(string problem) => new([], 0, 0, problem);
}

/// <summary>
/// Decodes an uploaded photo by its content (not its name or the browser's type), turns it upright by its EXIF
/// orientation and re-encodes it at a few widths as WebP and JPEG. Only pixels are carried over: the new files have no
/// EXIF (GPS position, camera serial number, time), no XMP and no comments. The original is not kept.
/// </summary>
public static class PhotoProcessor
{
    public static readonly int[] Widths = [480, 960, 1600];

    /// <summary>Larger than a 48-megapixel phone photo: refused before its pixels are decoded.</summary>
    private const long MaxPixels = 50_000_000;

    public static PhotoResult Process(byte[] bytes)
    {
        var sniffed = MediaSniffer.Sniff(bytes);
        if (sniffed == SniffedType.Heic)
        {
            return PhotoResult.Refused("This is an HEIC photo (the iPhone's own format), which the site cannot read yet. On the phone, share the photo as JPEG (or set Settings, Camera, Formats to Most Compatible) and upload it again.");
        }

        if (sniffed is not (SniffedType.Jpeg or SniffedType.Png or SniffedType.Webp))
        {
            return PhotoResult.Refused(sniffed is SniffedType.Mp4 or SniffedType.WebM
                ? "This is a video: add it under \"Add a video\" instead."
                : "This file is not a photo we can read. Choose a JPEG, PNG or WebP picture.");
        }

        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.Info.Width <= 0 || codec.Info.Height <= 0)
        {
            return PhotoResult.Refused("This photo is damaged or incomplete. Open it and save it again, or choose another.");
        }

        if ((long)codec.Info.Width * codec.Info.Height > MaxPixels)
        {
            return PhotoResult.Refused("This photo has too many pixels. Save it smaller (about 2000 pixels wide is plenty) and upload it again.");
        }

        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Premul, SKColorSpace.CreateSrgb());
        using var decoded = new SKBitmap(info);
        var result = codec.GetPixels(info, decoded.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            return PhotoResult.Refused("This photo is damaged or incomplete. Open it and save it again, or choose another.");
        }

        using var upright = Upright(decoded, codec.EncodedOrigin);
        var widths = VariantWidths(upright.Width);
        var variants = new List<PhotoVariant>();
        foreach (var width in widths)
        {
            var height = Math.Max(1, (int)Math.Round(upright.Height * (double)width / upright.Width));
            using var sized = width == upright.Width ? upright.Copy() : upright.Resize(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul, SKColorSpace.CreateSrgb()), new SKSamplingOptions(SKCubicResampler.Mitchell));
            using var image = SKImage.FromBitmap(sized);
            using var webp = image.Encode(SKEncodedImageFormat.Webp, 78);
            using var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, 82);
            variants.Add(new PhotoVariant(width, height, "webp", webp.ToArray()));
            variants.Add(new PhotoVariant(width, height, "jpg", jpeg.ToArray()));
        }

        var largest = variants[^1];
        return new PhotoResult(variants, largest.Width, largest.Height, null);
    }

    /// <summary>480, 960 and 1600 where the photo is at least that wide; a narrower photo keeps its own width as the largest.</summary>
    public static IReadOnlyList<int> VariantWidths(int width)
    {
        var widths = Widths.Where(w => w <= width).ToList();
        if (width < Widths[^1] && !widths.Contains(width))
        {
            widths.Add(width);
        }

        return widths;
    }

    /// <summary>
    /// Draws the pixels the way the camera's orientation tag says they are meant to be seen, on white (a transparent
    /// PNG would otherwise turn black as JPEG).
    /// </summary>
    private static SKBitmap Upright(SKBitmap source, SKEncodedOrigin origin)
    {
        float w = source.Width, h = source.Height;
        var turned = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var matrix = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
            SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
            _ => SKMatrix.Identity,
        };
        var target = new SKBitmap(new SKImageInfo(turned ? source.Height : source.Width, turned ? source.Width : source.Height, SKColorType.Rgba8888, SKAlphaType.Premul, SKColorSpace.CreateSrgb()));
        using var canvas = new SKCanvas(target);
        canvas.Clear(SKColors.White);
        canvas.SetMatrix(matrix);
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear));
        return target;
    }
}

public enum SniffedType
{
    Unknown,
    Jpeg,
    Png,
    Webp,
    Heic,
    Mp4,
    WebM,
}

/// <summary>Tells the type of an upload from its first bytes ("magic numbers"), whatever it is called.</summary>
public static class MediaSniffer
{
    public static SniffedType Sniff(ReadOnlySpan<byte> head)
    {
        if (head is [0xFF, 0xD8, 0xFF, ..])
        {
            return SniffedType.Jpeg;
        }

        if (head is [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, ..])
        {
            return SniffedType.Png;
        }

        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return SniffedType.Webp;
        }

        if (head is [0x1A, 0x45, 0xDF, 0xA3, ..])
        {
            // EBML: WebM says so in its DocType near the start (Matroska .mkv is not WebM).
            return head[..Math.Min(head.Length, 64)].IndexOf("webm"u8) >= 0 ? SniffedType.WebM : SniffedType.Unknown;
        }

        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = System.Text.Encoding.ASCII.GetString(head[8..12]);
            return brand switch
            {
                "heic" or "heix" or "hevc" or "hevx" or "heim" or "heis" or "mif1" or "msf1" => SniffedType.Heic,
                "qt  " => SniffedType.Unknown, // QuickTime .mov: browsers other than Safari may not play it
                _ => SniffedType.Mp4,
            };
        }

        return SniffedType.Unknown;
    }
}
