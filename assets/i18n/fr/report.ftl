# The after-action report (src/report).


## Sections (src/report/outline.rs)
report-section-overview = Présentation de l’exercice
report-section-summary = Synthèse
report-section-objectives = Analyse des objectifs
report-section-plan = Plan d’amélioration
report-section-timeline = Chronologie
report-section-charts = Indicateurs, systèmes et services
report-section-checks = Points de contrôle des bonnes pratiques
report-section-decisions = Décisions
report-section-deadlines = Échéances
report-section-luck = Compétence et chance en détail
report-section-questions = Débriefing à chaud : questions à discuter
report-section-facilitator = Pour l’animateur : recommandations et score
report-section-sources = Sources et données de l’exercice
report-section-numbered = { $n }. { $name }
report-section-annex = Annexe { $letter }. { $name }

## Cover and notices (src/report/html/mod.rs, src/report/markdown/mod.rs)
report-title = Rapport de retour d’expérience (RETEX) : { $title }
report-title-comparison = Comparaison de { $n } groupes : { $title }
report-html-kicker = Rapport de retour d’expérience / Plan d’amélioration
report-html-kicker-group = Groupe { $n } · Rapport de retour d’expérience / Plan d’amélioration
report-md-title = Rapport de retour d’expérience / plan d’amélioration : { $title }
report-md-group-title = Groupe { $n } : { $label }
report-exercise-of = Exercice du { $date }
report-facilitated-by = Animé par { $name }
report-html-draft = <strong>Projet.</strong> Généré par Downtime à partir du journal de l’exercice <code>{ $file }</code>. Relisez-le, complétez l’analyse et le plan d’amélioration, puis retirez cet avertissement avant diffusion.
report-md-draft = **Projet** généré par Downtime à partir du journal de l’exercice { $file }. Relisez-le, complétez l’analyse et le plan d’amélioration, puis retirez cet avertissement avant diffusion.
report-html-in-progress = <strong>Exercice en cours.</strong> Le journal s’arrête à { $offset } ({ $clock }) avant toute fin : le score, les points de contrôle et les évaluations ci-dessous sont provisoires.
report-md-in-progress = **Exercice en cours.** Le journal s’arrête à { $offset } ({ $clock }) avant toute fin : le score, les points de contrôle et les évaluations ci-dessous sont provisoires.
report-html-note = <strong>Remarque.</strong> { $text }
report-md-note = **Remarque.** { $text }
report-contents = Sommaire
report-annexes = Annexes

## Overview
report-row-scenario = Scénario
report-version = version { $version }
report-row-setting = Contexte
report-row-date = Date
report-date-started = { $date }, début à { $time }
report-paused = , dont { $time } de pause
report-row-real-duration = Durée réelle
report-row-interruption = Interruption
report-at-when = { $text } à { $when }
report-row-covered = Temps du scénario couvert
report-exercise-ended = exercice terminé
report-exercise-in-progress = exercice en cours
report-row-phases = Phases jouées
report-row-organisation = Établissement
report-row-facilitator = Animateur
report-teams = Équipes
report-col-team = Équipe
report-col-responsibilities = Responsabilités
report-col-members = Membres
report-not-recorded = non renseigné
report-members-not-recorded = Les membres des équipes n’ont pas été renseignés lors du briefing.
report-parameters = Paramètres fixés lors du briefing
report-col-question = Question
report-col-answer = Réponse

## Objectives
report-check-met = Rempli
report-check-missed = Manqué
report-check-open = En suspens
report-check-na = Sans objet
report-md-check-met = rempli
report-md-check-missed = manqué
report-md-check-open = en suspens
report-md-check-na = s.o.
report-pending-evaluator = En attente de l’évaluateur
report-md-pending-evaluator = en attente de l’évaluateur
report-suggestion-none = aucune (aucun point de contrôle applicable)
report-suggestion = { $rating } (suggestion)
report-no-objectives = Le scénario ne définit aucun objectif.
report-html-ratings-intro = Les évaluations suivent le référentiel HSEEP : <strong>P</strong> réalisé sans difficulté, <strong>S</strong> avec quelques difficultés, <strong>M</strong> avec des difficultés majeures, <strong>U</strong> non réalisable. Un évaluateur note chaque objectif (à l’écran de fin de la console ou avec <code>downtime evaluate</code>) ; à côté figure une suggestion calculée à partir des points de contrôle qui lui sont liés, qui n’est qu’une suggestion.
report-md-ratings-intro = Les évaluations suivent le référentiel HSEEP : **P** réalisé sans difficulté, **S** avec quelques difficultés, **M** avec des difficultés majeures, **U** non réalisable. Un évaluateur note chaque objectif (à l’écran de fin de la console ou avec `downtime evaluate`) ; à côté figure une suggestion calculée à partir des points de contrôle qui lui sont liés, qui n’est qu’une suggestion.
report-objective-heading = Objectif { $n } : { $text }
report-html-objective-line = { $rating } · Suggestion : { $suggested } · Capacité : { $capability }
report-md-objective-line = Évaluation : { $rating } ; suggestion d’après les éléments : { $suggested } ; capacité : { $capability }.
report-evaluator-note = Note de l’évaluateur : { $note }
report-critical-tasks = Tâches critiques
report-target = cible : { $target }
report-task-met =
    { $met } sur { $n -> 
        [one] { $n } point de contrôle rempli
       *[other] { $n } points de contrôle remplis
    }
report-strengths = Points forts
report-improvements = Axes d’amélioration
report-not-judged = Non évalués
report-at = à { $when }
report-lesson = Enseignement :
report-no-linked-check = Aucun point de contrôle n’est lié à cet objectif.
report-notes = Notes prises pendant l’exercice

## Improvement plan
report-plan-col-obj = Obj.
report-plan-col-objective = Objectif
report-plan-col-issue = Constat / axe d’amélioration
report-plan-col-action = Action corrective
report-plan-col-capability = Capacité
report-plan-col-organisation = Structure responsable
report-plan-col-contact = Référent
report-plan-col-start = Date de début
report-plan-col-completion = Date d’échéance
report-plan-intro = Chaque ligne est un modèle d’action corrective : le constat vient d’un point de contrôle ou d’une échéance manqués pendant l’exercice, et l’action corrective est proposée d’après l’enseignement du scénario. Validez chaque action avec la structure qui en a la charge, désignez un référent, fixez les dates et ajoutez dans les lignes vides les constats du débriefing à chaud.

## Executive summary (src/report/html/summary.rs, src/report/markdown/summary.rs)
report-ended-by-facilitator = terminé par l’animateur
report-ended-by-facilitator-reason = terminé par l’animateur : { $reason }
report-ending = Fin
report-reached-at = Atteinte à { $when }
report-not-reached = Pas encore atteinte
report-in-progress-at = L’exercice est en cours à { $when }.
report-md-ending = **Fin :** { $title } (atteinte à { $when }{ $by })
report-md-not-reached = **Fin :** pas encore atteinte (l’exercice est en cours à { $offset }).
report-evaluation = Évaluation
report-col-objective = Objectif
report-col-rating = Évaluation
report-col-note = Note de l’évaluateur
report-col-suggested = Suggestion
report-col-evidence = Éléments
report-linked-met =
    { $met } sur { $n -> 
        [one] { $n } point de contrôle lié rempli
       *[other] { $n } points de contrôle liés remplis
    }
report-decisive = Les décisions qui ont le plus compté
report-skill-luck = Compétence et chance.
report-key-figures = Chiffres clés
