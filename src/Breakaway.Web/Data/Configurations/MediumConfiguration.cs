using Breakaway.Web.Domain;
using Breakaway.Web.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Breakaway.Web.Data.Configurations;

internal sealed class MediumConfiguration : IEntityTypeConfiguration<Medium>
{
    public void Configure(EntityTypeBuilder<Medium> builder)
    {
        builder.ToTable("Media");
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(m => m.Hash).HasMaxLength(64);
        builder.Property(m => m.Text).HasMaxLength(300);
        builder.Property(m => m.Widths).HasMaxLength(40);
        builder.Property(m => m.VideoType).HasMaxLength(20);
        builder.Property(m => m.CreatedByUserId).HasMaxLength(450);
        builder.HasIndex(m => m.Hash);
        builder.HasIndex(m => new { m.ExerciseId, m.PatientId });
        builder.HasOne<Exercise>().WithMany().HasForeignKey(m => m.ExerciseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Patient>().WithMany().HasForeignKey(m => m.PatientId).OnDelete(DeleteBehavior.Cascade);
    }
}
