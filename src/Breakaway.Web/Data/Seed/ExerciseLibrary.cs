using Breakaway.Web.Domain;

namespace Breakaway.Web.Data.Seed;

/// <summary>
/// The clinic's starter library: four glute exercises, two warm-ups, the banded, weighted and functional steps that build
/// on them, and the pelvic floor exercises (long holds, quick squeezes, sitting and standing, the knack, relaxation).
/// </summary>
internal static class ExerciseLibrary
{
    public static IReadOnlyList<SeedExercise> All { get; } =
    [
        new(
            Slug: "glute-bridge",
            Name: "Glute bridge",
            Purpose: "Wakes up your buttock muscles (glutes) so they help hold your pelvis steady and take strain off your low back.",
            Region: BodyRegion.Hips,
            Category: ExerciseCategory.Activation,
            StartingPosition: "Lie on your back with your knees bent and your feet flat on the floor, about hip-width apart. Rest your arms at your sides.",
            Steps:
            [
                "Gently tighten your belly muscles, as if you were getting ready for a light poke in the stomach.",
                "Squeeze your buttocks together.",
                "Press through your heels and lift your hips until your shoulders, hips and knees make a straight line.",
                "Stay up for 5 seconds and keep your buttocks squeezed.",
                "Slowly lower your hips back to the floor.",
            ],
            Dose: new Dose { Sets = 2, Reps = 10, HoldSeconds = 5, PerSide = false, RestSeconds = 30, TimesPerWeek = 6 },
            FormCues:
            [
                "A strong squeeze in your buttocks while your hips are up.",
                "Your low back stays relaxed and comfortable.",
                "Your weight stays in your heels, not your toes.",
            ],
            StopCues:
            [
                new("You cannot feel your buttocks working, even when you squeeze. Ask your physical therapist before going on.", IsPain: false),
                new("The front of your hips is doing most of the work.", IsPain: false),
                new("You feel pain in your back.", IsPain: true),
            ],
            ProgressesTo: ["banded-glute-bridge", "single-leg-glute-bridge", "bodyweight-squat", "hip-hinge"],
            Equipment: null,
            HoldAt: "at the top",
            SideName: "side"),
        new(
            Slug: "locked-clamshell",
            Name: "Locked clamshell",
            Purpose: "Trains the muscles on the side of your hip, which keep your pelvis level when you stand and walk.",
            Region: BodyRegion.Hips,
            Category: ExerciseCategory.Activation,
            StartingPosition: "Lie on your side with your bottom leg straight. Bend your top leg and tuck your top foot behind your bottom knee.",
            Steps:
            [
                "Let your top knee rest on the floor in front of you.",
                "Roll your hips a little forward, toward the floor. This keeps the front of your hip from helping.",
                "Keep your foot tucked in place and lift your top knee a small way off the floor.",
                "Keep your top hip rolled forward as you lift. Do not let it tip back.",
                "Lower your knee slowly back to the floor.",
                "Finish all your reps, then turn over and do the other side.",
            ],
            Dose: new Dose { Sets = 2, Reps = 15, HoldSeconds = 0, PerSide = true, RestSeconds = 30, TimesPerWeek = 6 },
            FormCues:
            [
                "A working feeling in the side and back of your top hip.",
                "Only a small lift. How high you go does not matter.",
                "Your body stays still while your knee moves.",
            ],
            StopCues:
            [
                new("You do not feel it in your buttock. Ask your physical therapist before going on.", IsPain: false),
            ],
            ProgressesTo: ["banded-clamshell", "split-squat"],
            Equipment: null,
            HoldAt: null,
            SideName: "side"),
        new(
            Slug: "quadruped-fire-hydrant",
            Name: "Quadruped fire hydrant",
            Purpose: "Builds strength in the side of your hip while you learn to keep your back and pelvis still.",
            Region: BodyRegion.Hips,
            Category: ExerciseCategory.Activation,
            StartingPosition: "Get on your hands and knees. Place your hands under your shoulders and your knees under your hips, with your back flat.",
            Steps:
            [
                "Gently tighten your belly so your back stays still and flat.",
                "Keep one knee bent at a right angle and lift it out to the side.",
                "Lift only as high as you can without tipping or twisting your hips.",
                "Lower the knee back down with control.",
                "Do all your reps on one leg, then switch.",
            ],
            Dose: new Dose { Sets = 2, Reps = 12, HoldSeconds = 0, PerSide = true, RestSeconds = 30, TimesPerWeek = 6 },
            FormCues:
            [
                "Work in the side and back of the hip you are lifting.",
                "Your hips stay level and face the floor.",
                "Your back stays flat, like a tabletop.",
            ],
            StopCues:
            [
                new("You do not feel it in your buttock. Ask your physical therapist before going on.", IsPain: false),
                new("Your back starts to sag or arch, or your hips twist to one side.", IsPain: false),
            ],
            ProgressesTo: ["banded-fire-hydrant", "step-up"],
            Equipment: null,
            HoldAt: null,
            SideName: "leg"),
        new(
            Slug: "quadruped-donkey-kick",
            Name: "Quadruped donkey kick",
            Purpose: "Strengthens your main buttock muscle, which helps you stand up, walk and climb stairs.",
            Region: BodyRegion.Hips,
            Category: ExerciseCategory.Activation,
            StartingPosition: "Start on your hands and knees, with your hands below your shoulders and your knees below your hips. Keep your back flat and your neck long.",
            Steps:
            [
                "Lightly brace your belly so your back does not move.",
                "Keep one knee bent at a right angle and lift that leg up behind you.",
                "Keep the sole of your foot flat and facing the ceiling. Push your heel up toward the ceiling.",
                "Stop lifting when your thigh is about level with your body.",
                "Slowly lower your knee back down. Do all your reps, then switch legs.",
            ],
            Dose: new Dose { Sets = 2, Reps = 12, HoldSeconds = 0, PerSide = true, RestSeconds = 30, TimesPerWeek = 6 },
            FormCues:
            [
                "A squeeze in the buttock of the leg you are lifting.",
                "Your back stays flat and does not sway.",
                "Your hips stay square to the floor.",
            ],
            StopCues:
            [
                new("You feel pain in your back. Stop, get back into your starting position, brace your belly, then try again.", IsPain: true),
                new("You do not feel it in your buttock. Ask your physical therapist before going on.", IsPain: false),
            ],
            ProgressesTo: ["step-up", "hip-hinge"],
            Equipment: null,
            HoldAt: null,
            SideName: "leg"),
        new(
            Slug: "pelvic-tilt",
            Name: "Pelvic tilt",
            Purpose: "Gently loosens your low back and teaches you to control your pelvis before harder exercises.",
            Region: BodyRegion.LowBack,
            Category: ExerciseCategory.WarmUp,
            StartingPosition: "Lie on your back with your knees bent and your feet flat on the floor. Rest your arms at your sides.",
            Steps:
            [
                "Notice the small gap between your low back and the floor.",
                "Breathe out and gently tighten your belly. Tip your pelvis so your low back presses softly into the floor.",
                "Hold for 2 seconds.",
                "Breathe in and let your pelvis tip back to where it started, so the small gap comes back.",
            ],
            Dose: new Dose { Sets = 1, Reps = 10, HoldSeconds = 2, PerSide = false, RestSeconds = 0, TimesPerWeek = 7 },
            FormCues:
            [
                "A small, gentle rocking of your pelvis with no strain.",
                "Your buttocks and legs stay relaxed.",
                "Your breathing stays slow and easy.",
            ],
            StopCues:
            [
                new("The movement causes pain in your back.", IsPain: true),
                new("You feel pain, tingling or numbness running down a leg.", IsPain: true),
            ],
            ProgressesTo: ["glute-bridge"],
            Equipment: null,
            HoldAt: "with your back flat",
            SideName: "side"),
        new(
            Slug: "diaphragmatic-breathing",
            Name: "Diaphragmatic breathing",
            Purpose: "Calms your body and helps your breathing muscle, belly and pelvic floor work together as a team.",
            Region: BodyRegion.PelvicFloor,
            Category: ExerciseCategory.WarmUp,
            StartingPosition: "Lie on your back with your knees bent, or sit in a chair with good support. Put one hand on your chest and the other on your belly.",
            Steps:
            [
                "Breathe in slowly through your nose. Let your belly rise under your hand while your chest stays mostly still.",
                "As you breathe in, let your ribs widen to the sides and let your pelvic floor relax and soften.",
                "Breathe out slowly through pursed lips, as if cooling a spoonful of hot soup. Let your belly sink.",
                "Pause for a moment, then repeat. Each full breath in and out counts as one.",
            ],
            Dose: new Dose { Sets = 1, Reps = 10, HoldSeconds = 0, PerSide = false, RestSeconds = 0, TimesPerWeek = 7 },
            FormCues:
            [
                "The hand on your belly moves more than the hand on your chest.",
                "Your shoulders and neck stay loose.",
                "You feel calmer and more relaxed as you go.",
            ],
            StopCues:
            [
                new("You feel dizzy or light-headed.", IsPain: false),
                new("You feel short of breath.", IsPain: false),
            ],
            ProgressesTo: ["pelvic-tilt", "pelvic-floor-long-holds", "childs-pose-breathing"],
            Equipment: null,
            HoldAt: null,
            SideName: "side"),
        new(
            Slug: "bodyweight-squat",
            Name: "Bodyweight squat",
            Purpose: "Uses your glutes and legs together, the same way you do when you sit down and stand up.",
            Region: BodyRegion.Legs,
            Category: ExerciseCategory.Functional,
            StartingPosition: "Stand with your feet about shoulder-width apart and your toes turned out a little. Place a sturdy chair behind you if you want a target.",
            Steps:
            [
                "Gently tighten your belly and keep your chest up.",
                "Push your hips back and bend your knees, as if you were sitting down in a chair.",
                "Go down only as far as feels comfortable and in control. If you use a chair, just touch it lightly.",
                "Press through your whole foot and squeeze your buttocks to stand back up.",
                "Stand up tall before you start the next rep.",
            ],
            Dose: new Dose { Sets = 2, Reps = 10, HoldSeconds = 0, PerSide = false, RestSeconds = 60, TimesPerWeek = 3 },
            FormCues:
            [
                "Work in your buttocks and the front of your thighs.",
                "Your knees point the same way as your toes and do not fall inward.",
                "Your heels stay on the floor the whole time.",
            ],
            StopCues:
            [
                new("You feel sharp pain in your knee.", IsPain: true),
                new("You feel pain in your back.", IsPain: true),
                new("You lose your balance or feel unsteady.", IsPain: false),
            ],
            ProgressesTo: ["split-squat"],
            Equipment: "A sturdy chair (optional)",
            HoldAt: null,
            SideName: "side"),
        new(
            Slug: "split-squat",
            Name: "Split squat (static lunge)",
            Purpose: "Builds strength and balance on one leg at a time, which helps with stairs, curbs and getting up from the floor.",
            Region: BodyRegion.Legs,
            Category: ExerciseCategory.Functional,
            StartingPosition: "Stand tall and take a long step forward with one foot. Lift your back heel so you rest on the ball of that foot.",
            Steps:
            [
                "Keep your feet about hip-width apart from side to side, as if standing on two train tracks.",
                "Tighten your belly and keep your upper body upright.",
                "Bend both knees and lower your body straight down. Keep most of your weight on your front foot.",
                "Stop before your back knee touches the floor, or sooner if you need to.",
                "Push through your front heel to rise back up. Do all your reps, then switch legs.",
            ],
            Dose: new Dose { Sets = 2, Reps = 8, HoldSeconds = 0, PerSide = true, RestSeconds = 60, TimesPerWeek = 3 },
            FormCues:
            [
                "Work in the buttock and thigh of your front leg.",
                "Your front knee stays in line with your toes.",
                "Your hips stay level and face forward.",
            ],
            StopCues:
            [
                new("You feel sharp pain in either knee.", IsPain: true),
                new("You feel pain in your back.", IsPain: true),
                new("You feel wobbly and cannot keep your balance.", IsPain: false),
            ],
            ProgressesTo: [],
            Equipment: "A wall or chair to hold for balance (optional)",
            HoldAt: null,
            SideName: "leg"),
        new(
            Slug: "step-up",
            Name: "Step-up",
            Purpose: "Trains your glutes to lift your body weight, just like climbing stairs.",
            Region: BodyRegion.Legs,
            Category: ExerciseCategory.Functional,
            StartingPosition: "Stand facing a sturdy step or the bottom stair. Hold a railing or touch a wall if you need help with balance.",
            Steps:
            [
                "Place one whole foot flat on the step.",
                "Lean forward a little and press through the heel of that foot to lift yourself up.",
                "Bring your other foot up to meet it and stand tall at the top.",
                "Step back down slowly, lowering the second foot first.",
                "Do all your reps leading with the same leg, then switch.",
            ],
            Dose: new Dose { Sets = 2, Reps = 10, HoldSeconds = 0, PerSide = true, RestSeconds = 60, TimesPerWeek = 3 },
            FormCues:
            [
                "Work in the buttock and thigh of the leg on the step.",
                "Your knee stays in line with your toes as you rise.",
                "The lift comes from the leg on the step, not from pushing off the floor.",
            ],
            StopCues:
            [
                new("You feel sharp pain in your knee.", IsPain: true),
                new("You feel pain in your back or hip.", IsPain: true),
                new("You feel unsteady or unsafe on the step.", IsPain: false),
            ],
            ProgressesTo: [],
            Equipment: "A sturdy step or bottom stair",
            HoldAt: null,
            SideName: "leg"),
        new(
            Slug: "hip-hinge",
            Name: "Hip hinge",
            Purpose: "Teaches you to bend forward from your hips instead of your back, for safer lifting in daily life.",
            Region: BodyRegion.Hips,
            Category: ExerciseCategory.Functional,
            StartingPosition: "Stand with your feet hip-width apart and your knees slightly bent. If you use a stick, hold it along your back so it touches your head, upper back and tailbone.",
            Steps:
            [
                "Gently tighten your belly.",
                "Push your hips straight back, as if closing a car door with your bottom.",
                "Let your upper body tip forward while your back stays straight. If you use the stick, keep all three points touching it.",
                "Go down until you feel a stretch in the back of your thighs.",
                "Squeeze your buttocks and bring your hips forward to stand tall again.",
            ],
            Dose: new Dose { Sets = 2, Reps = 10, HoldSeconds = 0, PerSide = false, RestSeconds = 45, TimesPerWeek = 3 },
            FormCues:
            [
                "A gentle stretch in the back of your thighs as you bend.",
                "Your buttocks working as you stand back up.",
                "Your back stays straight, with no rounding.",
            ],
            StopCues:
            [
                new("You feel pain in your back.", IsPain: true),
                new("You feel pain, tingling or numbness running down a leg.", IsPain: true),
                new("The stick leaves your head or tailbone, which means your back is rounding.", IsPain: false),
            ],
            ProgressesTo: ["weighted-hip-hinge"],
            Equipment: "A broomstick or dowel (optional)",
            HoldAt: null,
            SideName: "side"),
        new(
            Slug: "banded-glute-bridge",
            Name: "Glute bridge with a band",
            Purpose: "Adds a band to the glute bridge so your hip muscles also work to keep your knees apart.",
            Region: BodyRegion.Hips,
            Category: ExerciseCategory.Strengthening,
            StartingPosition: "Put a light band around your legs just above your knees. Lie on your back with your knees bent and your feet flat, hip-width apart.",
            Steps:
            [
                "Press your knees gently outward against the band.",
                "Tighten your belly and squeeze your buttocks.",
                "Lift your hips until your shoulders, hips and knees line up.",
                "Hold for 5 seconds while you keep light outward pressure on the band.",
                "Slowly lower your hips back to the floor.",
            ],
            Dose: new Dose { Sets = 2, Reps = 10, HoldSeconds = 5, PerSide = false, RestSeconds = 30, TimesPerWeek = 4 },
            FormCues:
            [
                "Work in your buttocks and the sides of your hips.",
                "Your knees stay apart and do not drift inward.",
                "Your low back stays comfortable.",
            ],
            StopCues:
            [
                new("You do not feel it in your buttocks. Ask your physical therapist before going on.", IsPain: false),
                new("The front of your hips is doing most of the work.", IsPain: false),
                new("You feel pain in your back.", IsPain: true),
            ],
            ProgressesTo: ["single-leg-glute-bridge"],
            Equipment: "A light resistance band above the knees",
            HoldAt: "at the top",
            SideName: "side"),
        new(
            Slug: "banded-clamshell",
            Name: "Clamshell with a band",
            Purpose: "Adds a band to the clamshell to build more strength in the side of your hip.",
            Region: BodyRegion.Hips,
            Category: ExerciseCategory.Strengthening,
            StartingPosition: "Put a light band around your legs just above your knees. Lie on your side with both knees bent and your heels together.",
            Steps:
            [
                "Rest your head on your arm and roll your top hip a little forward.",
                "Keep your feet touching and lift your top knee against the band.",
                "Lift only as far as you can without your top hip rolling back.",
                "Lower your knee slowly, keeping control of the band.",
                "Finish all your reps, then turn over and do the other side.",
            ],
            Dose: new Dose { Sets = 2, Reps = 15, HoldSeconds = 0, PerSide = true, RestSeconds = 30, TimesPerWeek = 4 },
            FormCues:
            [
                "Work in the side and back of your top hip.",
                "Your body stays still and only your knee moves.",
                "A slow, steady pace on the way up and the way down.",
            ],
            StopCues:
            [
                new("You do not feel it in your buttock. Ask your physical therapist before going on.", IsPain: false),
                new("You feel pain in your hip or back.", IsPain: true),
            ],
            ProgressesTo: [],
            Equipment: "A light resistance band above the knees",
            HoldAt: null,
            SideName: "side"),
        new(
            Slug: "banded-fire-hydrant",
            Name: "Fire hydrant with a band",
            Purpose: "Adds a band to the fire hydrant so the side of your hip has to work harder.",
            Region: BodyRegion.Hips,
            Category: ExerciseCategory.Strengthening,
            StartingPosition: "Put a light band around your legs just above your knees. Get on your hands and knees, with hands under shoulders and knees under hips.",
            Steps:
            [
                "Gently brace your belly so your back stays flat.",
                "Keep your knee bent at a right angle and lift it out to the side against the band.",
                "Go only as high as you can while your hips stay level.",
                "Lower your knee slowly back down.",
                "Do all your reps on one leg, then switch.",
            ],
            Dose: new Dose { Sets = 2, Reps = 12, HoldSeconds = 0, PerSide = true, RestSeconds = 30, TimesPerWeek = 4 },
            FormCues:
            [
                "Work in the side and back of the hip you are lifting.",
                "Your hips stay square to the floor.",
                "Your back stays flat and still.",
            ],
            StopCues:
            [
                new("You do not feel it in your buttock. Ask your physical therapist before going on.", IsPain: false),
                new("Your back starts to sag or arch, or your hips twist to one side.", IsPain: false),
                new("You feel pain in your back or hip.", IsPain: true),
            ],
            ProgressesTo: [],
            Equipment: "A light resistance band above the knees",
            HoldAt: null,
            SideName: "leg"),
        new(
            Slug: "single-leg-glute-bridge",
            Name: "Single-leg glute bridge",
            Purpose: "Makes the glute bridge harder by giving the work to one leg at a time, which also helps even out your two sides.",
            Region: BodyRegion.Hips,
            Category: ExerciseCategory.Strengthening,
            StartingPosition: "Lie on your back with your knees bent and your feet flat on the floor. Straighten one leg and keep your thighs level with each other.",
            Steps:
            [
                "Tighten your belly and squeeze the buttock of your bent leg.",
                "Push through the heel of your bent leg and lift your hips.",
                "Keep your hips level so one side does not drop.",
                "Hold for 3 seconds at the top.",
                "Lower slowly. Do all your reps, then switch legs.",
            ],
            Dose: new Dose { Sets = 2, Reps = 8, HoldSeconds = 3, PerSide = true, RestSeconds = 30, TimesPerWeek = 4 },
            FormCues:
            [
                "Work in the buttock of the leg that stays on the floor.",
                "Your pelvis stays level, like a tabletop.",
                "The back of your thigh may help a little, but your buttock does most of the work.",
            ],
            StopCues:
            [
                new("You do not feel it in your buttock. Ask your physical therapist before going on.", IsPain: false),
                new("The back of your thigh starts to cramp.", IsPain: false),
                new("You feel pain in your back.", IsPain: true),
            ],
            ProgressesTo: [],
            Equipment: null,
            HoldAt: "at the top",
            SideName: "leg"),
        new(
            Slug: "weighted-hip-hinge",
            Name: "Hip hinge with a weight",
            Purpose: "Adds a light weight to the hip hinge to build strength for lifting things safely in daily life.",
            Region: BodyRegion.Hips,
            Category: ExerciseCategory.Strengthening,
            StartingPosition: "Stand with your feet hip-width apart and your knees slightly bent. Hold a light weight in both hands in front of your thighs.",
            Steps:
            [
                "Tighten your belly and gently draw your shoulders back.",
                "Push your hips back and let the weight slide down close to your legs.",
                "Keep your back straight. Stop when you feel a stretch in the back of your thighs.",
                "Squeeze your buttocks and bring your hips forward to stand tall.",
                "Keep the weight close to your body the whole time.",
            ],
            Dose: new Dose { Sets = 3, Reps = 8, HoldSeconds = 0, PerSide = false, RestSeconds = 60, TimesPerWeek = 3 },
            FormCues:
            [
                "Work in your buttocks and the back of your thighs.",
                "Your back stays straight, not rounded.",
                "The weight moves smoothly and under control.",
            ],
            StopCues:
            [
                new("You feel pain in your back.", IsPain: true),
                new("You feel pain, tingling or numbness running down a leg.", IsPain: true),
                new("Your back rounds and you cannot keep it straight.", IsPain: false),
            ],
            ProgressesTo: [],
            Equipment: "A light dumbbell or kettlebell",
            HoldAt: null,
            SideName: "side"),
        new(
            Slug: "pelvic-floor-long-holds",
            Name: "Pelvic floor long holds (slow Kegels)",
            Purpose: "Builds strength and staying power in your pelvic floor muscles, which support your bladder and bowel and help you stay dry.",
            Region: BodyRegion.PelvicFloor,
            Category: ExerciseCategory.Activation,
            StartingPosition: "Lie on your back with your knees bent and your feet flat on the floor. Let your buttocks, thighs and belly rest.",
            Steps:
            [
                "To find the right muscles, picture holding in wind, or stopping your wee midstream. Use that picture only to find them, never as an exercise on the toilet.",
                "Breathe out, then gently squeeze those muscles and lift them up and in.",
                "Keep breathing while you hold. Start with as long as you can manage, and build up to 10 seconds.",
                "Let go completely and rest for as long as you held.",
                "Repeat. Aim for 8 to 10 in a row, and spread your sets over the day: morning, midday and evening.",
            ],
            Dose: new Dose { Sets = 3, Reps = 8, HoldSeconds = 10, PerSide = false, RestSeconds = 60, TimesPerWeek = 7 },
            FormCues:
            [
                "A gentle lift and squeeze deep inside, between your pubic bone and your tailbone.",
                "Your buttocks and thighs stay soft, and you keep breathing.",
                "A full, easy letting go after each hold.",
            ],
            StopCues:
            [
                new("You feel pain during or after the exercise.", IsPain: true),
                new("You feel heaviness, a bulge, or you leak more than before.", IsPain: false),
                new("You push down instead of lifting up, or you hold your breath.", IsPain: false),
                new("After a few weeks you still cannot feel any lift. Ask your physical therapist; a check-up may help.", IsPain: false),
            ],
            ProgressesTo: ["pelvic-floor-squeezes-sitting"],
            Equipment: null,
            HoldAt: "each time",
            SideName: "side"),
        new(
            Slug: "pelvic-floor-quick-contractions",
            Name: "Pelvic floor quick squeezes (quick Kegels)",
            Purpose: "Trains your pelvic floor to switch on fast, which helps stop leaks when you cough, sneeze or laugh.",
            Region: BodyRegion.PelvicFloor,
            Category: ExerciseCategory.Activation,
            StartingPosition: "Lie on your back with your knees bent and your feet flat on the floor, relaxed and breathing easily.",
            Steps:
            [
                "Find your pelvic floor muscles the same way as for the long holds.",
                "Squeeze and lift them quickly and strongly, then let go straight away.",
                "Let them relax fully before the next quick squeeze.",
                "Do 10 quick squeezes in a row. Keep breathing the whole time.",
            ],
            Dose: new Dose { Sets = 3, Reps = 10, HoldSeconds = 0, PerSide = false, RestSeconds = 30, TimesPerWeek = 7 },
            FormCues:
            [
                "A quick lift and a full letting go each time.",
                "Your buttocks, thighs and belly stay still.",
                "Steady, easy breathing.",
            ],
            StopCues:
            [
                new("You feel pain during or after the exercise.", IsPain: true),
                new("You feel heaviness, a bulge, or you leak more than before.", IsPain: false),
                new("You push down instead of lifting up, or you hold your breath.", IsPain: false),
            ],
            ProgressesTo: ["the-knack"],
            Equipment: null,
            HoldAt: null,
            SideName: "side"),
        new(
            Slug: "pelvic-floor-squeezes-sitting",
            Name: "Pelvic floor squeezes sitting up",
            Purpose: "Moves your pelvic floor exercises (Kegels) from lying down to sitting, where the muscles work against more weight.",
            Region: BodyRegion.PelvicFloor,
            Category: ExerciseCategory.Strengthening,
            StartingPosition: "Sit tall on a firm chair with your feet flat on the floor and your knees a little apart. Rest your hands on your thighs.",
            Steps:
            [
                "Breathe out and squeeze and lift your pelvic floor, as if lifting it off the chair.",
                "Hold for up to 10 seconds and keep breathing.",
                "Let go completely and rest as long as you held.",
                "Follow with a few quick squeezes, letting go fully after each one.",
            ],
            Dose: new Dose { Sets = 3, Reps = 8, HoldSeconds = 10, PerSide = false, RestSeconds = 60, TimesPerWeek = 7 },
            FormCues:
            [
                "A lift up and away from the seat, deep inside.",
                "Your buttocks stay relaxed on the chair.",
                "Your shoulders and jaw stay loose.",
            ],
            StopCues:
            [
                new("You feel pain during or after the exercise.", IsPain: true),
                new("You feel heaviness, a bulge, or you leak more than before.", IsPain: false),
                new("You push down instead of lifting up, or you hold your breath.", IsPain: false),
            ],
            ProgressesTo: ["pelvic-floor-squeezes-standing"],
            Equipment: "A firm chair",
            HoldAt: "each time",
            SideName: "side"),
        new(
            Slug: "pelvic-floor-squeezes-standing",
            Name: "Pelvic floor squeezes standing",
            Purpose: "Trains your pelvic floor (Kegels) in the position where most leaks happen: standing up.",
            Region: BodyRegion.PelvicFloor,
            Category: ExerciseCategory.Strengthening,
            StartingPosition: "Stand tall with your feet hip-width apart and your knees soft. Hold a counter if you like.",
            Steps:
            [
                "Breathe out and squeeze and lift your pelvic floor.",
                "Hold for up to 10 seconds while you keep breathing.",
                "Let go completely and rest as long as you held.",
                "When this feels easy, try it while you walk or climb stairs.",
            ],
            Dose: new Dose { Sets = 3, Reps = 8, HoldSeconds = 10, PerSide = false, RestSeconds = 60, TimesPerWeek = 7 },
            FormCues:
            [
                "A lift deep inside with your buttocks relaxed.",
                "Your knees stay soft and your posture tall.",
                "You can still talk while you hold.",
            ],
            StopCues:
            [
                new("You feel pain during or after the exercise.", IsPain: true),
                new("You feel heaviness, a bulge, or you leak more than before.", IsPain: false),
                new("You push down instead of lifting up, or you hold your breath.", IsPain: false),
            ],
            ProgressesTo: ["the-knack"],
            Equipment: null,
            HoldAt: "each time",
            SideName: "side"),
        new(
            Slug: "the-knack",
            Name: "The knack: squeeze before you cough",
            Purpose: "A pelvic floor habit that stops leaks: tighten the muscles just before a cough, sneeze, laugh or lift.",
            Region: BodyRegion.PelvicFloor,
            Category: ExerciseCategory.Functional,
            StartingPosition: "Stand tall with your feet hip-width apart. Later you will use the knack wherever you are.",
            Steps:
            [
                "Practise first: squeeze and lift your pelvic floor firmly.",
                "Keep the squeeze and give a small cough.",
                "Let go after the cough.",
                "Use the same squeeze in daily life, just before you cough, sneeze, laugh, or pick something up.",
            ],
            Dose: new Dose { Sets = 1, Reps = 5, HoldSeconds = 0, PerSide = false, RestSeconds = 0, TimesPerWeek = 7 },
            FormCues:
            [
                "The squeeze comes a moment before the cough, not after it.",
                "Less or no leaking when you cough.",
                "You breathe out with the effort.",
            ],
            StopCues:
            [
                new("You feel pain when you squeeze.", IsPain: true),
                new("You feel heaviness or a bulge, or you leak more than before.", IsPain: false),
                new("You push down instead of lifting up.", IsPain: false),
            ],
            ProgressesTo: [],
            Equipment: null,
            HoldAt: null,
            SideName: "side"),
        new(
            Slug: "childs-pose-breathing",
            Name: "Child's pose breathing (pelvic floor relaxation)",
            Purpose: "Lets a tight, over-working pelvic floor lengthen and relax, which can ease pelvic pain.",
            Region: BodyRegion.PelvicFloor,
            Category: ExerciseCategory.Mobility,
            StartingPosition: "Kneel on a mat with your knees apart and your big toes touching. Sit back toward your heels and lower your chest toward the floor, arms stretched forward.",
            Steps:
            [
                "Rest your forehead on the mat or on a cushion.",
                "Breathe in slowly and let your belly and lower back widen.",
                "As you breathe in, let your pelvic floor soften and drop, as if it were opening.",
                "Breathe out gently and let everything stay loose. Do not squeeze.",
                "Stay for the number of breaths your physical therapist gave you.",
            ],
            Dose: new Dose { Sets = 1, Reps = 10, HoldSeconds = 0, PerSide = false, RestSeconds = 0, TimesPerWeek = 7 },
            FormCues:
            [
                "A gentle stretch in your back and hips.",
                "Your pelvic floor feels softer and heavier as you breathe in.",
                "You feel calmer with each breath.",
            ],
            StopCues:
            [
                new("You feel pain in your knees, hips or back.", IsPain: true),
                new("Your pelvic pain gets worse.", IsPain: true),
                new("You feel dizzy.", IsPain: false),
            ],
            ProgressesTo: ["happy-baby-stretch"],
            Equipment: "A mat, and a cushion under your head or hips if you like",
            HoldAt: null,
            SideName: "side"),
        new(
            Slug: "happy-baby-stretch",
            Name: "Happy baby stretch (pelvic floor relaxation)",
            Purpose: "Opens your hips and gently lengthens your pelvic floor, for a pelvic floor that works too hard.",
            Region: BodyRegion.PelvicFloor,
            Category: ExerciseCategory.Mobility,
            StartingPosition: "Lie on your back. Bring your knees up toward your armpits and hold the outsides of your feet, or your shins, with the soles of your feet facing the ceiling.",
            Steps:
            [
                "Let your knees fall apart, wider than your body.",
                "Rest your head and your low back on the floor.",
                "Breathe in slowly and let your pelvic floor soften and widen.",
                "Breathe out and stay relaxed. Rock gently from side to side if it feels good.",
                "Take the number of breaths your physical therapist gave you, then lower your feet one at a time.",
            ],
            Dose: new Dose { Sets = 1, Reps = 10, HoldSeconds = 0, PerSide = false, RestSeconds = 0, TimesPerWeek = 7 },
            FormCues:
            [
                "A stretch in your inner thighs and around your hips.",
                "Your pelvic floor feels soft and open.",
                "Your breathing stays slow and easy.",
            ],
            StopCues:
            [
                new("You feel pain in your hips, groin or back.", IsPain: true),
                new("Your pelvic pain gets worse.", IsPain: true),
            ],
            ProgressesTo: [],
            Equipment: "A mat",
            HoldAt: null,
            SideName: "side"),
    ];
}
