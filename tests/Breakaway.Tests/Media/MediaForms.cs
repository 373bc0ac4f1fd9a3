using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using Breakaway.Tests.Support;

namespace Breakaway.Tests.Media;

/// <summary>Posts the upload forms of the media page as a browser does: multipart, every field of the form, the file.</summary>
internal static class MediaForms
{
    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, int exerciseId, string kind, byte[] file, string fileName, IReadOnlyDictionary<string, string> values)
    {
        var pageUrl = $"/admin/exercises/{exerciseId}/media";
        var page = await client.GetDocumentAsync(pageUrl);
        var form = page.QuerySelector($"form[action*='handler={kind}']") as IHtmlFormElement
            ?? throw new Xunit.Sdk.XunitException($"No {kind} form on {pageUrl}");
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in Forms.Fields(form, values))
        {
            content.Add(new StringContent(value), name);
        }

        var bytes = new ByteArrayContent(file);
        bytes.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".webm", StringComparison.Ordinal) ? "video/webm" : "image/jpeg");
        content.Add(bytes, kind == "Photo" ? "Photo.File" : "Video.File", fileName);
        return await client.PostAsync(form.GetAttribute("action"), content, TestContext.Current.CancellationToken);
    }

    /// <summary>A body that says it is <paramref name="declared"/> bytes long; the server must refuse it from the header alone.</summary>
    public sealed class DeclaredLengthContent(long declared) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => stream.WriteAsync(new byte[1024]).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = declared;
            return true;
        }
    }
}
