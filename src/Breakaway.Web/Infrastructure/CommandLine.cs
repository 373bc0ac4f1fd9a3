namespace Breakaway.Web.Infrastructure;

/// <summary>
/// The app's verbs: <c>create-admin &lt;email&gt;</c>, <c>backup --to &lt;file&gt;</c>, <c>restore --from &lt;file&gt;</c>,
/// <c>check-content [folder]</c>.
/// Arguments after the verb are configuration, as for the site (<c>--ConnectionStrings:Breakaway=...</c>).
/// </summary>
public sealed record CommandLine(string Verb, string Argument, string[] Rest, string? Error = null)
{
    public const string Usage = """
        Usage:
          dotnet Breakaway.Web.dll                          run the site
          dotnet Breakaway.Web.dll create-admin <email>     create the first admin account
          dotnet Breakaway.Web.dll backup --to <file>       copy the SQLite database while the site runs
          dotnet Breakaway.Web.dll restore --from <file>    put a backup in place (stop the site first)
          dotnet Breakaway.Web.dll healthcheck              ask the running site whether it is ready
          dotnet Breakaway.Web.dll check-content [folder]   check the articles and pictures (default: Articles:Path)
        """;

    /// <summary>Null when the arguments are no verb (the site runs); a value with <see cref="Error"/> when a verb is misused.</summary>
    public static CommandLine? Parse(string[] args) => args switch
    {
        ["create-admin", var email, .. var rest] when !email.StartsWith('-') => new("create-admin", email, rest),
        ["backup", "--to", var file, .. var rest] => new("backup", file, rest),
        ["restore", "--from", var file, .. var rest] => new("restore", file, rest),
        ["check-content", var folder, .. var rest] when !folder.StartsWith('-') => new("check-content", folder, rest),
        ["check-content", .. var rest] => new("check-content", string.Empty, rest),
        ["create-admin" or "backup" or "restore", ..] => new(args[0], string.Empty, [], Usage),
        _ => null,
    };
}
