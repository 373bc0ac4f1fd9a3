using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Breakaway.Tests.Support;

/// <summary>
/// A real Serilog sink, registered in the app's DI (the app reads sinks with <c>ReadFrom.Services</c>), that keeps every
/// event as the Production console would print it: one compact JSON line with every property. Every
/// <see cref="BreakawayFactory"/> has one, and fails its disposal when a line looks like a secret, so the logs of the
/// whole run are checked, not only those of the tests about logging.
/// </summary>
public sealed partial class LogCapture : ILogEventSink
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly CompactJsonFormatter _json = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public void Emit(LogEvent logEvent)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        _json.Format(logEvent, writer);
        // The rendered message too: the Development console prints that, not the template.
        _lines.Enqueue(writer.ToString().TrimEnd() + " " + logEvent.RenderMessage(CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Lines that hold something shaped like a secret: an invitation or calendar token (32 random bytes in
    /// base64url: 43 characters), a raw <c>/invite/</c> or <c>/calendar/</c> address instead of its route pattern,
    /// or one of the passwords the tests use.
    /// </summary>
    public IReadOnlyList<string> Suspicious() => [.. _lines.Where(line =>
        TokenShape().IsMatch(line) || RawSecretPath().IsMatch(line) || KnownPasswords.Any(p => line.Contains(p, StringComparison.Ordinal)))];

    /// <summary>The passwords of the demo accounts and of the test helpers.</summary>
    public static readonly IReadOnlyList<string> KnownPasswords = [BreakawayFactory.DemoPassword, Accounts.AccountHelpers.Password];

    // Exactly 43 such characters, with a digit and a letter among them (so a 43-letter event name is not one).
    [GeneratedRegex("(?<![A-Za-z0-9_-])(?=[A-Za-z_-]*[0-9])(?=[0-9_-]*[A-Za-z])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])")]
    private static partial Regex TokenShape();

    [GeneratedRegex(@"/(invite|calendar)/(?!\{token\})[^""\s]")]
    private static partial Regex RawSecretPath();
}
