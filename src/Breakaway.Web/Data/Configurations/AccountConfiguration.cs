using Breakaway.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Breakaway.Web.Data.Configurations;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(100).IsRequired();

        // Identity's UpdateAsync writes every column of the user it holds; a copy read before a code was accepted
        // would put the old step back and let the code work again. Only the authenticator provider's UPDATE sets it.
        builder.Property(u => u.TotpLastStep).Metadata.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);
    }
}

internal sealed class PatientConfiguration : IEntityTypeConfiguration<Patient>
{
    public void Configure(EntityTypeBuilder<Patient> builder)
    {
        builder.HasOne(p => p.User).WithOne().HasForeignKey<Patient>(p => p.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.UserId).IsUnique();
        builder.Property(p => p.CreatedByUserId).HasMaxLength(450);
        builder.Property(p => p.Phone).HasMaxLength(30);
        // A therapist who leaves (account deleted) leaves their patients without one, not without a record.
        builder.HasOne(p => p.PrimaryTherapist).WithMany().HasForeignKey(p => p.PrimaryTherapistUserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(p => p.PrimaryTherapistUserId);
        builder.Property(p => p.ReminderTimeZone).HasMaxLength(64);
        builder.Property(p => p.ReminderDays).HasDefaultValue(WeekDays.Every).HasSentinel(WeekDays.None);
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.Property(i => i.TokenHash).HasMaxLength(64).IsRequired();
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasIndex(i => i.UserId);
        builder.HasOne(i => i.User).WithMany().HasForeignKey(i => i.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(i => i.CreatedByUserId).HasMaxLength(450);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.Action).HasMaxLength(60).IsRequired();
        builder.Property(a => a.ActorUserId).HasMaxLength(450);
        builder.Property(a => a.TargetUserId).HasMaxLength(450);
        builder.Property(a => a.Detail).HasMaxLength(200);
        builder.Property(a => a.ClientAddress).HasMaxLength(45);
        builder.HasIndex(a => a.TimestampUtc);
        // The audit page's filters, each walked newest first by id (keyset pages): one index per filter, id last.
        builder.HasIndex(a => new { a.Action, a.Id });
        builder.HasIndex(a => new { a.PatientId, a.Id });
        builder.HasIndex(a => new { a.ActorUserId, a.Id });
        builder.HasIndex(a => new { a.TargetUserId, a.Id });
    }
}
