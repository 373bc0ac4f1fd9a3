namespace Breakaway.Web.Infrastructure;

/// <summary>
/// The app's verbs: <c>create-admin &lt;email&gt;</c>, <c>backup --to &lt;file&gt;</c>, <c>restore --from &lt;file&gt;</c>,
/// <c>check-content [folder]</c>, <c>rebuild-attention</c>, <c>seed-scale &lt;N&gt; --fake-patients</c>.
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
          dotnet Breakaway.Web.dll rebuild-attention        recompute the dashboard's summary of every patient
          dotnet Breakaway.Web.dll seed-scale <N> --fake-patients
                                                            benchmarks only (never in Production): add generated
                                                            patients with 90 days of history until there are N
        """;

    /// <summary>Null when the arguments are no verb (the site runs); a value with <see cref="Error"/> when a verb is misused.</summary>
    public static CommandLine? Parse(string[] args) => args switch
    {
        ["create-admin", var email, .. var rest] when !email.StartsWith('-') => new("create-admin", email, rest),
        ["backup", "--to", var file, .. var rest] => new("backup", file, rest),
        ["restore", "--from", var file, .. var rest] => new("restore", file, rest),
        ["check-content", var folder, .. var rest] when !folder.StartsWith('-') => new("check-content", folder, rest),
        ["check-content", .. var rest] => new("check-content", string.Empty, rest),
        ["rebuild-attention", .. var rest] => new("rebuild-attention", string.Empty, rest),
        ["seed-scale", var count, Data.Seed.ScaleSeeder.Flag, .. var rest] => new("seed-scale", count, rest),
        ["create-admin" or "backup" or "restore" or "seed-scale", ..] => new(args[0], string.Empty, [], Usage),
        _ => null,
    };
}
