using System.Globalization;

namespace Breakaway.Web.Mail;

/// <summary>
/// Every e-mail the site sends, word for word. None carries health information (no diagnosis, exercise, pain or
/// red-flag detail) and no subject names the patient: an inbox is often seen by others, and e-mail is not a private
/// channel. Each body links to the site, where signing in shows the rest.
/// </summary>
public sealed record MailText(string Subject, string Body)
{
    public static MailText Invitation(string clinic, string phone, string link, DateTime expiresUtc) => new(
        $"A message from {clinic}",
        $"""
        Hello,

        {clinic} has made you an account on its website, where you will find the home exercises chosen for you.

        To choose your password, open this link. It works once, until {Day(expiresUtc)}:
        {link}

        If you did not expect this message, you can ignore it, or call us on {phone}.

        {clinic}
        """);

    public static MailText StaffSetup(string clinic, string link, DateTime expiresUtc) => new(
        $"Your {clinic} staff account",
        $"""
        Hello,

        An account has been made for you on the {clinic} website. To choose your password, open this link. It works
        once, until {Day(expiresUtc)}:
        {link}

        {clinic}
        """);

    public static MailText PasswordReset(string clinic, string phone, string link, int minutes) => new(
        $"A message from {clinic}",
        $"""
        Hello,

        Someone, probably you, asked for a new password for your account on the {clinic} website. To choose one, open
        this link within {minutes} minutes. It works once:
        {link}

        Choosing a new password signs you out everywhere else. If you did not ask for this, ignore this message: your
        password stays as it is. Questions? Call us on {phone}.

        {clinic}
        """);

    public static MailText Reminder(string clinic, string myUrl, string remindersUrl, string unsubscribeUrl) => new(
        "Time for today's exercises",
        $"""
        Hello,

        This is your reminder for today's home exercises. When you are ready, open:
        {myUrl}

        To change the days or the time of these reminders: {remindersUrl}
        To stop them: {unsubscribeUrl}

        {clinic}
        """);

    public static MailText RedFlagAlert(string clinic, string patientUrl, string raisedAt) => new(
        $"{clinic}: a patient's session needs review",
        $"""
        Hello,

        A session a patient logged at {raisedAt} (clinic time) needs your attention today. Sign in to see who and why:
        {patientUrl}

        {clinic}
        """);

    private static string Day(DateTime utc) => utc.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
