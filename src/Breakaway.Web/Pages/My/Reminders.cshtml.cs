using System.ComponentModel.DataAnnotations;
using Breakaway.Web.Data;
using Breakaway.Web.Domain;
using Breakaway.Web.HomePrograms;
using Breakaway.Web.Infrastructure;
using Breakaway.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Breakaway.Web.Pages.My;

/// <summary>The patient's exercise reminders: on or off, which weekdays, what local time, which time zone.</summary>
public sealed class RemindersModel(BreakawayDbContext db, ClinicClock clock, AuditLog audit) : PatientPageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public string? Email { get; private set; }
    public string ClinicZone => clock.Zone.Id;

    /// <summary>Every zone the server knows, by IANA id, for "my own time zone".</summary>
    public static IReadOnlyList<string> Zones { get; } =
        [.. TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Where(id => id.Contains('/', StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    public async Task<IActionResult> OnGetAsync()
    {
        var patient = await LoadAsync();
        Input = new InputModel
        {
            On = patient.RemindersOn,
            Days = [.. WeekDaysExtensions.InOrder.Where(d => patient.ReminderDays.HasFlag(d)).Select(d => d.ToString())],
            Time = patient.ReminderTime ?? new TimeOnly(18, 0),
            TimeZone = patient.ReminderTimeZone,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var patient = await LoadAsync();
        var days = WeekDays.None;
        foreach (var day in Input.Days)
        {
            if (Enum.TryParse<WeekDays>(day, out var parsed) && WeekDaysExtensions.InOrder.Contains(parsed))
            {
                days |= parsed;
            }
        }

        if (Input.On && Email is null)
        {
            ModelState.AddModelError("Input.On", "We have no e-mail address for you, so we cannot send reminders. Ask the clinic to add one.");
        }

        if (Input.On && days == WeekDays.None)
        {
            ModelState.AddModelError("Input.Days", "Choose at least one day for your reminders.");
        }

        if (Input.On && Input.Time is null)
        {
            ModelState.AddModelError("Input.Time", "Choose the time of day for your reminder, such as 18:00.");
        }

        if (!string.IsNullOrEmpty(Input.TimeZone) && ExerciseReminders.Zone(Input.TimeZone) is null)
        {
            ModelState.AddModelError("Input.TimeZone", "Choose a time zone from the list.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        patient.RemindersOn = Input.On;
        if (days != WeekDays.None)
        {
            patient.ReminderDays = days;
        }

        patient.ReminderTime = Input.Time ?? patient.ReminderTime;
        patient.ReminderTimeZone = string.IsNullOrEmpty(Input.TimeZone) ? null : Input.TimeZone;
        audit.Add(AuditActions.RemindersChanged, patient.Id, detail: Input.On ? "on" : "off");
        await db.SaveChangesAsync();
        Message = Input.On ? "Reminders saved. We will e-mail you on the days you chose when your exercises are due." : "Reminders are off.";
        return RedirectToPage();
    }

    private async Task<Patient> LoadAsync()
    {
        var patientId = PatientId;
        var patient = await db.Patients.AsTracking().Include(p => p.User).SingleAsync(p => p.Id == patientId);
        Email = patient.User.Email;
        return patient;
    }

    public sealed class InputModel
    {
        [Display(Name = "Send me e-mail reminders")]
        public bool On { get; set; }

        public List<string> Days { get; set; } = [];

        [Display(Name = "Time of day")]
        [DataType(DataType.Time)]
        public TimeOnly? Time { get; set; }

        [Display(Name = "Time zone")]
        [StringLength(64)]
        public string? TimeZone { get; set; }
    }
}
