using System.ComponentModel.DataAnnotations;
using Breakaway.Web.Data;
using Breakaway.Web.Domain;
using Breakaway.Web.Infrastructure;
using Breakaway.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Breakaway.Web.Pages.Admin.Patients;

/// <summary>Creates the patient's account (no password yet) and their patient record, then shows their page.</summary>
public sealed class NewModel(UserManager<AppUser> users, BreakawayDbContext db, AuditLog audit, ClinicClock clock) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var email = string.IsNullOrWhiteSpace(Input.Email) ? null : Input.Email.Trim();
        if (Input.DateOfBirth is { } dob && (dob > clock.Today() || dob.Year < 1900))
        {
            ModelState.AddModelError("Input.DateOfBirth", "Enter a date of birth in the past.");
        }

        if (email is not null && await users.IsEmailInUseAsync(email))
        {
            ModelState.AddModelError("Input.Email", "Another account already uses this e-mail address.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        // Without an e-mail, a placeholder sign-in name is replaced by the one the patient chooses.
        var user = new AppUser
        {
            UserName = email ?? "patient-" + Guid.NewGuid().ToString("N")[..12],
            Email = email,
            DisplayName = Input.DisplayName.Trim(),
            CreatedUtc = clock.UtcNow(),
        };

        await using var transaction = await db.Database.BeginTransactionAsync();
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            ModelState.AddModelError(string.Empty, string.Join(" ", created.Errors.Select(e => e.Description)));
            return Page();
        }

        await users.AddToRoleAsync(user, Roles.Patient);
        var patient = new Patient { UserId = user.Id, DateOfBirth = Input.DateOfBirth, Phone = string.IsNullOrWhiteSpace(Input.Phone) ? null : Input.Phone.Trim(), CreatedUtc = user.CreatedUtc, CreatedByUserId = User.UserId(), PrimaryTherapistUserId = User.UserId() };
        db.Patients.Add(patient);
        await db.SaveChangesAsync();
        audit.Add(AuditActions.PatientCreated, patient.Id, user.Id);
        audit.Add(AuditActions.RoleGranted, patient.Id, user.Id, Roles.Patient);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return RedirectToPage("/Admin/Patients/Detail", new { id = patient.Id });
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the patient's name.")]
        [StringLength(100, ErrorMessage = "Keep the name under 100 characters.")]
        public string DisplayName { get; set; } = string.Empty;

        [EmailAddress(ErrorMessage = "Enter an e-mail address like name@example.com, or leave it empty.")]
        [StringLength(256)]
        public string? Email { get; set; }

        [StringLength(PatientPhone.MaxLength, ErrorMessage = PatientPhone.Message)]
        [RegularExpression(PatientPhone.Pattern, ErrorMessage = PatientPhone.Message)]
        public string? Phone { get; set; }

        [DataType(DataType.Date)]
        public DateOnly? DateOfBirth { get; set; }
    }
}
