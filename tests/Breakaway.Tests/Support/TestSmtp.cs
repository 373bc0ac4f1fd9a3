using System.Net;
using System.Net.Sockets;
using System.Text;
using Breakaway.Web.Data.Seed;
using MimeKit;
using netDumbster.smtp;

namespace Breakaway.Tests.Support;

/// <summary>
/// A real SMTP server (netDumbster) on a loopback port of its own, started inside the test. It can start later than
/// the site (SMTP down, then up). When disposed it checks every message it received for health information, so each
/// e-mail test's messages are read for privacy, whatever the test was about.
/// </summary>
public sealed class TestSmtp : IDisposable
{
    private SimpleSmtpServer? _server;
    private readonly List<MimeMessage> _earlier = [];

    private TestSmtp(int port) => Port = port;

    public int Port { get; }

    /// <summary>A server listening now.</summary>
    public static TestSmtp Start()
    {
        var smtp = new TestSmtp(FreePort());
        smtp.Up();
        return smtp;
    }

    /// <summary>A port nothing listens on yet: the site's messages wait until <see cref="Up"/>.</summary>
    public static TestSmtp Down() => new(FreePort());

    public void Up() => _server ??= SimpleSmtpServer.Start(Port);

    /// <summary>Points a site at this server: plain SMTP on loopback, with a sender address.</summary>
    public BreakawayFactory Configure(BreakawayFactory site) => site
        .With("Smtp:Host", "127.0.0.1")
        .With("Smtp:Port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .With("Smtp:Security", "None")
        .With("Smtp:From", "Breakaway Physical Therapy <no-reply@clinic.example>");

    /// <summary>Every message that arrived, parsed with MimeKit as a mail client would.</summary>
    public IReadOnlyList<MimeMessage> Received
    {
        get
        {
            var current = _server?.ReceivedEmail.Select(m => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(m.Data)))) ?? [];
            return [.. _earlier, .. current];
        }
    }

    public IReadOnlyList<MimeMessage> To(string address) =>
        [.. Received.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)))];

    public void Dispose()
    {
        var received = Received;
        _server?.Stop();
        _server?.Dispose();
        var problems = received.SelectMany(MailPrivacy.Problems).ToList();
        if (problems.Count > 0)
        {
            throw new Xunit.Sdk.XunitException("An e-mail carried health information:\n" + string.Join("\n", problems.Take(5)));
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>What no e-mail may contain: any exercise name, a pain score, a red-flag reason or a diagnosis word.</summary>
public static class MailPrivacy
{
    private static readonly string[] Words =
    [
        "pain", "painful", "/10", "numb", "numbness", "tingling", "bladder", "bowel", "leg", "red flag", "red-flag", "stop cue", "diagnosis", "diagnosed",
        "pelvic", "back", "hip", "glute", "injury", "symptom", "condition", "exercise session log",
    ];

    private static readonly Lazy<string[]> ExerciseNames = new(() => [.. ExerciseLibrary.All.Select(e => e.Name)]);

    public static IEnumerable<string> Problems(MimeMessage message)
    {
        var text = $"{message.Subject}\n{message.TextBody}\n{message.HtmlBody}";
        foreach (var word in Words.Concat(ExerciseNames.Value).Concat(ExtraForbidden))
        {
            if (System.Text.RegularExpressions.Regex.IsMatch(text, $"(?<![A-Za-z]){System.Text.RegularExpressions.Regex.Escape(word)}(?![A-Za-z])", System.Text.RegularExpressions.RegexOptions.IgnoreCase))
            {
                yield return $"'{message.Subject}' contains '{word}'";
            }
        }

        foreach (var name in FullNames)
        {
            if (message.Subject?.Contains(name, StringComparison.OrdinalIgnoreCase) == true)
            {
                yield return $"'{message.Subject}' names the patient";
            }
        }
    }

    /// <summary>Words a test adds (a program's title, an exercise it made up), and patients' full names (never in a subject).</summary>
    public static readonly System.Collections.Concurrent.ConcurrentBag<string> ExtraForbidden = [];

    public static readonly System.Collections.Concurrent.ConcurrentBag<string> FullNames = ["Demo Patient", "Other Patient"];
}
