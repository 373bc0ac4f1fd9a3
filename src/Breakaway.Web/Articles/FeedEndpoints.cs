using System.Globalization;
using System.Text;
using System.Xml;
using Breakaway.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace Breakaway.Web.Articles;

/// <summary>The Atom feed of tips and the sitemap, written with <see cref="XmlWriter"/> so every value is escaped.</summary>
public static class FeedEndpoints
{
    private const string AtomNamespace = "http://www.w3.org/2005/Atom";
    private const string SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /// <summary>The Atom feed's route name, for links (<c>asp-route</c>).</summary>
    public const string TipsFeedRoute = "tips-feed";

    public static IEndpointRouteBuilder MapFeeds(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/tips/feed.xml", (PublishedArticles articles, IOptions<SiteOptions> site, IOptions<ClinicOptions> clinic) =>
            Xml(writer => WriteAtom(writer, articles.All().Take(50).ToList(), site.Value, clinic.Value), "application/atom+xml; charset=utf-8"))
            .CacheOutput(PublicPageCache.PolicyName)
            .WithName(TipsFeedRoute);

        endpoints.MapGet("/sitemap.xml", (PublishedArticles articles, IOptions<SiteOptions> site) =>
            Xml(writer => WriteSitemap(writer, articles, site.Value), "application/xml; charset=utf-8"))
            .CacheOutput(PublicPageCache.PolicyName);

        return endpoints;
    }

    private static IResult Xml(Action<XmlWriter> write, string contentType)
    {
        var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            write(writer);
        }

        return Results.Bytes(buffer.ToArray(), contentType);
    }

    internal static void WriteAtom(XmlWriter writer, IReadOnlyList<Article> articles, SiteOptions site, ClinicOptions clinic)
    {
        writer.WriteStartDocument();
        writer.WriteStartElement("feed", AtomNamespace);
        writer.WriteElementString("title", AtomNamespace, $"{clinic.Name}: health tips");
        writer.WriteElementString("subtitle", AtomNamespace, "Short, practical health tips from our physical therapists.");
        writer.WriteElementString("id", AtomNamespace, site.Absolute("/tips"));
        WriteLink(writer, site.Absolute("/tips/feed.xml"), "self");
        WriteLink(writer, site.Absolute("/tips"), "alternate");
        var updated = articles.Count == 0 ? DateTime.UnixEpoch : articles.Max(a => Instant(a.Published));
        writer.WriteElementString("updated", AtomNamespace, Rfc3339(updated));
        writer.WriteStartElement("author", AtomNamespace);
        writer.WriteElementString("name", AtomNamespace, clinic.Name);
        writer.WriteEndElement();

        foreach (var article in articles)
        {
            var url = site.Absolute($"/tips/{article.Slug}");
            writer.WriteStartElement("entry", AtomNamespace);
            writer.WriteElementString("title", AtomNamespace, article.Title);
            writer.WriteElementString("id", AtomNamespace, url);
            WriteLink(writer, url, "alternate");
            writer.WriteElementString("published", AtomNamespace, Rfc3339(Instant(article.Published)));
            writer.WriteElementString("updated", AtomNamespace, Rfc3339(Instant(article.Published)));
            writer.WriteStartElement("author", AtomNamespace);
            writer.WriteElementString("name", AtomNamespace, article.Author);
            writer.WriteEndElement();
            foreach (var tag in article.Tags)
            {
                writer.WriteStartElement("category", AtomNamespace);
                writer.WriteAttributeString("term", tag);
                writer.WriteEndElement();
            }

            writer.WriteElementString("summary", AtomNamespace, article.Summary);
            writer.WriteStartElement("content", AtomNamespace);
            writer.WriteAttributeString("type", "html");
            writer.WriteString(article.Html);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        writer.WriteEndDocument();
    }

    private static void WriteSitemap(XmlWriter writer, PublishedArticles articles, SiteOptions site)
    {
        writer.WriteStartDocument();
        writer.WriteStartElement("urlset", SitemapNamespace);
        WriteUrl(writer, site.Absolute("/"), null);
        WriteUrl(writer, site.Absolute("/tips"), null);
        foreach (var article in articles.All())
        {
            WriteUrl(writer, site.Absolute($"/tips/{article.Slug}"), article.Published);
        }

        foreach (var tag in articles.Tags())
        {
            WriteUrl(writer, site.Absolute($"/tips/tag/{tag.Tag}"), null);
        }

        writer.WriteEndElement();
        writer.WriteEndDocument();
    }

    private static void WriteUrl(XmlWriter writer, string location, DateOnly? lastModified)
    {
        writer.WriteStartElement("url", SitemapNamespace);
        writer.WriteElementString("loc", SitemapNamespace, location);
        if (lastModified is { } date)
        {
            writer.WriteElementString("lastmod", SitemapNamespace, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        writer.WriteEndElement();
    }

    private static void WriteLink(XmlWriter writer, string href, string rel)
    {
        writer.WriteStartElement("link", AtomNamespace);
        writer.WriteAttributeString("rel", rel);
        writer.WriteAttributeString("href", href);
        writer.WriteEndElement();
    }

    private static DateTime Instant(DateOnly date) => date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    private static string Rfc3339(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
