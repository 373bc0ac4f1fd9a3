using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace Breakaway.Testing;

/// <summary>
/// Pictures made at test time, as a phone would send them: a JPEG whose EXIF holds a GPS position, a camera name with a
/// serial number, and an orientation that turns the picture a quarter (the pixels are stored sideways, as phones do).
/// </summary>
public static class TestPhotos
{
    /// <summary>In the EXIF of <see cref="PhoneJpeg"/>: no served file may contain it.</summary>
    public const string CameraSerial = "TestCam-Serial-4242";

    /// <summary>
    /// A JPEG stored <paramref name="storedWidth"/> x <paramref name="storedHeight"/>, left half red and right half blue,
    /// with EXIF orientation 6 (turn 90 degrees clockwise to view): seen upright, red is on top and blue below.
    /// </summary>
    public static byte[] PhoneJpeg(int storedWidth = 2000, int storedHeight = 1000)
    {
        using var bitmap = new SKBitmap(storedWidth, storedHeight);
        using (var canvas = new SKCanvas(bitmap))
        {
            using var red = new SKPaint { Color = SKColors.Red };
            using var blue = new SKPaint { Color = SKColors.Blue };
            canvas.DrawRect(0, 0, storedWidth / 2f, storedHeight, red);
            canvas.DrawRect(storedWidth / 2f, 0, storedWidth / 2f, storedHeight, blue);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var encoded = image.Encode(SKEncodedImageFormat.Jpeg, 90);
        return WithExif(encoded.ToArray(), Exif());
    }

    /// <summary>Inserts an APP1 segment after the JPEG's SOI and APP0 (JFIF) segments.</summary>
    public static byte[] WithExif(byte[] jpeg, byte[] tiff)
    {
        var at = 2;
        if (jpeg[2] == 0xFF && jpeg[3] == 0xE0)
        {
            at = 4 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(4));
        }

        var segment = new List<byte> { 0xFF, 0xE1 };
        var length = 2 + 6 + tiff.Length;
        segment.Add((byte)(length >> 8));
        segment.Add((byte)length);
        segment.AddRange("Exif\0\0"u8.ToArray());
        segment.AddRange(tiff);
        return [.. jpeg[..at], .. segment, .. jpeg[at..]];
    }

    /// <summary>Little-endian TIFF: IFD0 with Make, Orientation = 6 and a GPS IFD (latitude N 51 30 26).</summary>
    private static byte[] Exif()
    {
        var tiff = new byte[124];
        var span = tiff.AsSpan();
        "II"u8.CopyTo(span);
        BinaryPrimitives.WriteUInt16LittleEndian(span[2..], 42);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], 8);

        var make = Encoding.ASCII.GetBytes(CameraSerial + "\0");
        BinaryPrimitives.WriteUInt16LittleEndian(span[8..], 3);
        Entry(span[10..], 0x010F, 2, (uint)make.Length, 50);
        Entry(span[22..], 0x0112, 3, 1, 6);
        Entry(span[34..], 0x8825, 4, 1, 70);
        BinaryPrimitives.WriteUInt32LittleEndian(span[46..], 0);
        make.CopyTo(span[50..]);

        BinaryPrimitives.WriteUInt16LittleEndian(span[70..], 2);
        Entry(span[72..], 0x0001, 2, 2, 'N');
        Entry(span[84..], 0x0002, 5, 3, 100);
        BinaryPrimitives.WriteUInt32LittleEndian(span[96..], 0);
        uint[] latitude = [51, 1, 30, 1, 26, 1];
        for (var i = 0; i < latitude.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(span[(100 + (i * 4))..], latitude[i]);
        }

        return tiff;
    }

    private static void Entry(Span<byte> at, ushort tag, ushort type, uint count, uint value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(at, tag);
        BinaryPrimitives.WriteUInt16LittleEndian(at[2..], type);
        BinaryPrimitives.WriteUInt32LittleEndian(at[4..], count);
        BinaryPrimitives.WriteUInt32LittleEndian(at[8..], value);
    }

    /// <summary>True when the bytes hold an EXIF block, the GPS tag or the camera's serial number.</summary>
    public static bool HasMetadata(byte[] file) =>
        file.AsSpan().IndexOf("Exif\0"u8) >= 0 || file.AsSpan().IndexOf(Encoding.ASCII.GetBytes(CameraSerial)) >= 0;

    /// <summary>The start of a WebM file (EBML header, DocType "webm") padded to <paramref name="length"/> bytes: enough for the type check and range requests.</summary>
    public static byte[] WebMHeader(int length = 4096)
    {
        byte[] head = [0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 0x01, 0x42, 0xF7, 0x81, 0x01, 0x42, 0xF2, 0x81, 0x04, 0x42, 0xF3, 0x81, 0x08, 0x42, 0x82, 0x84, (byte)'w', (byte)'e', (byte)'b', (byte)'m', 0x42, 0x87, 0x81, 0x02, 0x42, 0x85, 0x81, 0x02];
        var bytes = new byte[length];
        head.CopyTo(bytes, 0);
        for (var i = head.Length; i < length; i++)
        {
            bytes[i] = (byte)(i * 7);
        }

        return bytes;
    }
}
