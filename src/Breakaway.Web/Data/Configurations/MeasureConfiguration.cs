using Breakaway.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Breakaway.Web.Data.Configurations;

internal sealed class MeasurePlanConfiguration : IEntityTypeConfiguration<MeasurePlan>
{
    public void Configure(EntityTypeBuilder<MeasurePlan> builder)
    {
        builder.Property(p => p.MeasureSlug).HasMaxLength(80).IsRequired();
        builder.Property(p => p.CreatedByUserId).HasMaxLength(450);
        builder.HasIndex(p => p.PatientId);
        builder.HasIndex(p => p.TemplateId);
        builder.HasOne(p => p.Patient).WithMany().HasForeignKey(p => p.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<HomeProgram>().WithMany().HasForeignKey(p => p.TemplateId).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t => t.HasCheckConstraint("CK_MeasurePlan_EveryWeeks", "\"EveryWeeks\" IS NULL OR (\"EveryWeeks\" >= 1 AND \"EveryWeeks\" <= 52)"));
    }
}

internal sealed class MeasureResponseConfiguration : IEntityTypeConfiguration<MeasureResponse>
{
    public void Configure(EntityTypeBuilder<MeasureResponse> builder)
    {
        builder.Property(r => r.MeasureSlug).HasMaxLength(80).IsRequired();
        builder.PrimitiveCollection(r => r.Activities);
        builder.PrimitiveCollection(r => r.Answers);
        // One round per occasion: a double tap or a second tab finds the same row.
        builder.HasIndex(r => new { r.PlanId, r.DueDate }).IsUnique();
        builder.HasIndex(r => new { r.PatientId, r.MeasureSlug });
        builder.HasOne(r => r.Plan).WithMany().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Patient>().WithMany().HasForeignKey(r => r.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PatientMessageConfiguration : IEntityTypeConfiguration<PatientMessage>
{
    public void Configure(EntityTypeBuilder<PatientMessage> builder)
    {
        builder.Property(m => m.Text).HasMaxLength(PatientMessage.MaxLength).IsRequired();
        builder.Property(m => m.AuthorUserId).HasMaxLength(450).IsRequired();
        builder.HasIndex(m => m.IdempotencyKey).IsUnique();
        builder.HasIndex(m => new { m.PatientId, m.SentUtc });
        builder.HasOne(m => m.Patient).WithMany().HasForeignKey(m => m.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SessionLog>().WithMany().HasForeignKey(m => m.SessionLogId).OnDelete(DeleteBehavior.SetNull);
    }
}
