using Breakaway.Tests.Support;
using Breakaway.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Breakaway.Tests.Accounts;

/// <summary>
/// Every answer of the sign-in form costs the same work, one password-hash check, so its timing cannot tell an
/// attacker whether an account exists, is locked, is disabled or has no password yet. Counted, not timed: the
/// app's real hasher is wrapped in a counter.
/// </summary>
public sealed class SignInWorkTests : IAsyncLifetime
{
    private sealed class CountingHasher(IOptions<PasswordHasherOptions> options) : IPasswordHasher<AppUser>
    {
        private readonly PasswordHasher<AppUser> _inner = new(options);
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public void Reset() => Interlocked.Exchange(ref _verifications, 0);

        public string HashPassword(AppUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    private readonly BreakawayFactory _factory = new();
    private WebApplicationFactory<Program> _site = null!;
    private CountingHasher _hasher = null!;

    public async ValueTask InitializeAsync()
    {
        _site = _factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.RemoveAll<IPasswordHasher<AppUser>>();
            s.AddSingleton<CountingHasher>();
            s.AddSingleton<IPasswordHasher<AppUser>>(sp => sp.GetRequiredService<CountingHasher>());
        }));
        _hasher = _site.Services.GetRequiredService<CountingHasher>();
        await using var scope = _site.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        await Create(users, "active@test.example", AccountHelpers.Password);
        var locked = await Create(users, "locked@test.example", AccountHelpers.Password);
        await users.SetLockoutEndDateAsync(locked, _factory.Clock.GetUtcNow().AddMinutes(10));
        var disabled = await Create(users, "disabled@test.example", AccountHelpers.Password);
        disabled.DisabledUtc = _factory.Clock.GetUtcNow().UtcDateTime;
        await users.UpdateAsync(disabled);
        await Create(users, "invited@test.example", password: null);
    }

    private static async Task<AppUser> Create(UserManager<AppUser> users, string login, string? password)
    {
        var user = new AppUser { UserName = login, Email = login, DisplayName = login };
        var result = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        Assert.True(result.Succeeded);
        await users.AddToRoleAsync(user, Roles.Patient);
        return user;
    }

    [Theory]
    [InlineData("nobody@test.example", "some long password", "unknown account")]
    [InlineData("active@test.example", "a wrong long password", "wrong password")]
    [InlineData("locked@test.example", AccountHelpers.Password, "locked account, right password")]
    [InlineData("locked@test.example", "a wrong long password", "locked account, wrong password")]
    [InlineData("disabled@test.example", AccountHelpers.Password, "disabled account, right password")]
    [InlineData("invited@test.example", "some long password", "invited, no password yet")]
    [InlineData("active@test.example", AccountHelpers.Password, "success")]
    public async Task SignIn_EveryOutcome_ChecksExactlyOnePasswordHash(string login, string password, string outcome)
    {
        var client = _site.CreateClient();
        var page = await client.GetDocumentAsync("/account/sign-in");
        _hasher.Reset();

        await client.SubmitAsync(page, new Dictionary<string, string> { ["Input.Login"] = login, ["Input.Password"] = password }, "main form", "/account/sign-in");

        Assert.True(_hasher.Verifications == 1, $"{outcome}: {_hasher.Verifications} password-hash checks");
    }

    public async ValueTask DisposeAsync()
    {
        await _site.DisposeAsync();
        await _factory.DisposeAsync();
    }
}
