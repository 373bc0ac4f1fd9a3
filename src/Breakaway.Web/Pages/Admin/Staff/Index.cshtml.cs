using System.ComponentModel.DataAnnotations;
using Breakaway.Web.Data;
using Breakaway.Web.Domain;
using Breakaway.Web.Infrastructure;
using Breakaway.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Breakaway.Web.Pages.Admin.Staff;

/// <summary>Admins add therapists (who get a one-time link to choose a password) and disable or enable any account.</summary>
public sealed class IndexModel(
    UserManager<AppUser> users,
    BreakawayDbContext db,
    Invitations invitations,
    AuditLog audit,
    ClinicClock clock,
    IOptions<SecurityOptions> security,
    IOptions<SiteOptions> site) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<AccountRow> Accounts { get; private set; } = [];
    public string MyId { get; private set; } = string.Empty;
    [TempData]
    public string? Message { get; set; }
    public string? NewLink { get; private set; }
    public string? NewName { get; private set; }
    public bool LinkEmailed { get; private set; }
    public int InvitationDays => security.Value.InvitationDays;

    public async Task OnGetAsync()
    {
        await Load();
        await audit.ViewedAsync(AuditActions.StaffListViewed);
    }

    public async Task<IActionResult> OnPostCreateAsync()
    {
        // An empty field binds as null (then [Required] reports it); only look the address up when there is one.
        var email = Input.Email?.Trim() ?? string.Empty;
        if (email.Length > 0 && await users.IsEmailInUseAsync(email))
        {
            ModelState.AddModelError("Input.Email", "Another account already uses this e-mail address.");
        }

        if (!ModelState.IsValid)
        {
            await Load();
            return Page();
        }

        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = Input.DisplayName.Trim(), CreatedUtc = clock.UtcNow() };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            ModelState.AddModelError(string.Empty, string.Join(" ", created.Errors.Select(e => e.Description)));
            await Load();
            return Page();
        }

        var roles = Input.MakeAdmin ? new[] { Roles.Therapist, Roles.Admin } : [Roles.Therapist];
        await users.AddToRolesAsync(user, roles);
        audit.Add(AuditActions.AccountCreated, targetUserId: user.Id);
        foreach (var role in roles)
        {
            audit.Add(AuditActions.RoleGranted, targetUserId: user.Id, detail: role);
        }

        var (token, _, emailed) = await invitations.IssueAsync(user.Id, User.UserId(), null, InvitationMail.StaffSetup, user.Email);
        LinkEmailed = emailed;
        NewLink = site.Value.Absolute($"/invite/{token}");
        NewName = user.DisplayName;
        Input = new InputModel();
        ModelState.Clear();
        await Load();
        return Page();
    }

    public Task<IActionResult> OnPostDisableAsync(string userId) => SetDisabled(userId, disable: true);

    public Task<IActionResult> OnPostEnableAsync(string userId) => SetDisabled(userId, disable: false);

    /// <summary>Disabling locks the account and changes its security stamp, which ends its sessions at once (SessionPolicy).</summary>
    private async Task<IActionResult> SetDisabled(string userId, bool disable)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null || user.Id == User.UserId())
        {
            return NotFound();
        }

        // The account change and its audit row commit together (UserManager saves through the same DbContext).
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            user.DisabledUtc = disable ? clock.UtcNow() : null;
            user.LockoutEnd = disable ? DateTimeOffset.MaxValue : null;
            await users.UpdateAsync(user);
            await users.UpdateSecurityStampAsync(user);
            var patientId = await db.Patients.Where(p => p.UserId == user.Id).Select(p => (int?)p.Id).SingleOrDefaultAsync();
            await audit.WriteAsync(disable ? AuditActions.AccountDisabled : AuditActions.AccountEnabled, patientId, user.Id);
            await transaction.CommitAsync();
        }

        Message = $"{user.DisplayName}'s account is {(disable ? "disabled" : "enabled")}.";
        return RedirectToPage();
    }

    private async Task Load()
    {
        MyId = User.UserId();
        var rows = await db.Users
            .OrderBy(u => u.DisplayName)
            .Select(u => new
            {
                u.Id,
                u.DisplayName,
                u.UserName,
                Disabled = u.DisabledUtc != null,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).ToList(),
            })
            .ToListAsync();
        Accounts = [.. rows.Select(r => new AccountRow(r.Id, r.DisplayName, r.UserName ?? string.Empty, string.Join(", ", r.Roles.Order()), r.Disabled))];
    }

    public sealed record AccountRow(string Id, string Name, string SignInName, string Roles, bool Disabled);

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the therapist's name.")]
        [StringLength(100)]
        public string DisplayName { get; set; } = string.Empty;

        [Required(ErrorMessage = "Enter the therapist's work e-mail.")]
        [EmailAddress(ErrorMessage = "Enter an e-mail address like name@example.com.")]
        [StringLength(256)]
        public string Email { get; set; } = string.Empty;

        public bool MakeAdmin { get; set; }
    }
}
