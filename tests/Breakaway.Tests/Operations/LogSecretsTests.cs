using System.Net;
using System.Security.Cryptography;
using Breakaway.Tests.Support;
using Microsoft.AspNetCore.WebUtilities;

namespace Breakaway.Tests.Operations;

/// <summary>
/// Reading the log after a patient's whole life with one-time links: invited, opens the link, chooses a password, makes
/// a calendar link that their calendar app fetches, forgets the password, gets a reset link, signs in (once wrongly).
/// No log line holds a token, a password, or the patient's name or e-mail, at the levels the app's configuration
/// uses in Production and in Development, and even with everything at Debug.
/// </summary>
public sealed class LogSecretsTests
{
    public static TheoryData<string, string> Configurations => new()
    {
        { "Production", "Information" }, // appsettings.json: Information, Microsoft.AspNetCore and EF Core at Warning
        { "Development", "Information" }, // appsettings.Development.json changes no level
        { "Production", "Debug" },        // everything, framework included, at Debug
    };

    [Theory]
    [MemberData(nameof(Configurations))]
    public async Task InviteResetCalendarAndSignIn_LogNoTokenPasswordOrPersonalData(string environment, string level)
    {
        await using var factory = new BreakawayFactory { Environment = environment }.WithDemo()
            .With("Security:RequireStaffMfa", "false")
            .With("Serilog:MinimumLevel:Default", level)
            .With("Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime", "Information");
        if (level == "Debug")
        {
            factory.With("Serilog:MinimumLevel:Override:Microsoft.AspNetCore", "Debug").With("Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore", "Debug");
        }

        const string name = "Zelda Quillfeather", email = "zelda.quill@example.test";
        const string firstPassword = "zelda first passphrase", secondPassword = "zelda second passphrase", wrongPassword = "zelda wrong passphrase";
        var madeUpToken = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

        var therapist = factory.CreateClient();
        await therapist.SignInAsync("therapist@demo.test", BreakawayFactory.DemoPassword);
        var created = await therapist.SubmitAsync("/admin/patients/new", new Dictionary<string, string> { ["Input.DisplayName"] = name, ["Input.Email"] = email });
        var patientPage = created.RequestMessage!.RequestUri!.AbsolutePath;
        var invitation = await IssueLinkAsync(therapist, patientPage);

        var patient = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await patient.GetAsync(invitation, TestContext.Current.CancellationToken)).StatusCode);
        var welcomed = await patient.SubmitAsync(invitation, new Dictionary<string, string> { ["Input.Password"] = firstPassword, ["Input.ConfirmPassword"] = firstPassword });
        Assert.Equal("/my", welcomed.RequestMessage!.RequestUri!.AbsolutePath);

        var calendarPage = await patient.SubmitAsync("/my/calendar", new Dictionary<string, string>(), "form[action*='Create']");
        var calendar = LinkPath(await calendarPage.BodyAsync());
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync(calendar, TestContext.Current.CancellationToken)).StatusCode);

        var reset = await IssueLinkAsync(therapist, patientPage);
        var forgetful = factory.CreateClient();
        await forgetful.SubmitAsync(reset, new Dictionary<string, string> { ["Input.Password"] = secondPassword, ["Input.ConfirmPassword"] = secondPassword });
        var signIn = factory.CreateClient();
        await signIn.SignInAsync(email, wrongPassword);
        var signedIn = await signIn.SignInAsync(email, secondPassword);
        Assert.Equal("/my", signedIn.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(HttpStatusCode.NotFound, (await signIn.GetAsync($"/invite/{madeUpToken}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await signIn.GetAsync($"/calendar/{madeUpToken}.ics", TestContext.Current.CancellationToken)).StatusCode);

        var lines = factory.Log.Lines;
        // The requests were logged, by their route pattern.
        Assert.Contains(lines, l => l.Contains("\"RequestPath\":\"/invite/{token}\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("\"RequestPath\":\"/calendar/{token}.ics\"", StringComparison.Ordinal));
        string[] secrets =
        [
            Token(invitation), Token(reset), Token(calendar), madeUpToken,
            firstPassword, secondPassword, wrongPassword, BreakawayFactory.DemoPassword,
            "Zelda", "Quillfeather", "zelda.quill",
        ];
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(lines, l => l.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }

        Assert.Empty(factory.Log.Suspicious());
    }

    private static async Task<string> IssueLinkAsync(HttpClient therapist, string patientPage)
    {
        var issued = await therapist.SubmitAsync(patientPage, new Dictionary<string, string>(), "form[action*='Invite']");
        return LinkPath(await issued.BodyAsync());
    }

    private static string LinkPath(string html) => new Uri(
        Html.Parse(html).QuerySelector(".invite-link a")?.GetAttribute("href") ?? throw new Xunit.Sdk.XunitException("No link on the page")).AbsolutePath;

    private static string Token(string path) => path.Split('/')[^1].Replace(".ics", string.Empty, StringComparison.Ordinal);
}
