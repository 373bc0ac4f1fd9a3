using Breakaway.Tests.Support;

namespace Breakaway.Tests.Programs;

/// <summary>Staff searches ignore case on both providers (PostgreSQL compares case-sensitively unless told otherwise).</summary>
public sealed class SearchTests : IAsyncLifetime
{
    private readonly BreakawayFactory _site = new BreakawayFactory().WithDemo().With("Security:RequireStaffMfa", "false");
    private HttpClient _admin = null!;

    public async ValueTask InitializeAsync()
    {
        _admin = _site.CreateClient();
        await _admin.SignInAsync("admin@demo.test", BreakawayFactory.DemoPassword);
    }

    [Theory]
    [InlineData("Demo Patient")]
    [InlineData("demo patient")]
    [InlineData("DEMO PAT")]
    [InlineData("PATIENT@DEMO")]
    public async Task PatientSearch_FindsThePatient_WhateverTheCase(string q)
    {
        var page = await _admin.GetDocumentAsync("/admin/patients?q=" + Uri.EscapeDataString(q));

        var names = page.QuerySelectorAll("tbody tr td:first-child").Select(td => td.TextContent.Trim()).ToList();
        Assert.Contains("Demo Patient", names);
        Assert.DoesNotContain("Other Patient", names);
    }

    [Fact]
    public async Task AuditFilter_ByAccount_IgnoresCase()
    {
        var lower = await _admin.GetDocumentAsync("/admin/audit?user=admin%40demo");
        var upper = await _admin.GetDocumentAsync("/admin/audit?user=ADMIN%40DEMO");

        // Each view adds its own "audit viewed" row, so the counts differ by one; a case-sensitive filter would find none.
        Assert.NotEmpty(lower.QuerySelectorAll("tbody tr"));
        Assert.NotEmpty(upper.QuerySelectorAll("tbody tr"));
        Assert.Empty((await _admin.GetDocumentAsync("/admin/audit?user=nobody-at-all")).QuerySelectorAll("tbody tr"));
    }

    public async ValueTask DisposeAsync() => await _site.DisposeAsync();
}
