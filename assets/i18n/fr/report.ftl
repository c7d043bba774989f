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
report-word-marking = Projet de rapport de retour d’expérience — à relire avant diffusion

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

## Annexes (src/report/html/annex.rs, src/report/markdown/annex.rs)
report-col-result = Résultat
report-col-check = Point de contrôle
report-col-window = Fenêtre
report-col-when = Quand
report-col-lesson = Enseignement
report-col-reference = Référence
report-col-opened = Ouverte
report-col-decision = Décision
report-col-option = Option retenue
report-col-chosen-at = Choisie à
report-col-time-to-decide = Temps de décision
report-col-action = Action
report-col-detail = Détail
report-flags = Indicateurs d’état
report-counters = Compteurs
report-col-flag = Indicateur
report-col-counter = Compteur
report-col-start = Début
report-col-end = Fin
report-col-changes = Changements
report-col-scenario-time = Temps du scénario
report-col-real-time = Heure réelle
report-col-kind = Type
report-col-what = Ce qui s’est passé
report-metrics = Évolution des indicateurs
report-systems = Systèmes d’information
report-services = Services de soins
report-col-system = Système
report-col-down = En panne ou isolé
report-col-degraded = Dégradé ou en restauration
report-col-at-end = À la fin
report-col-service = Service
report-col-needs = Dépend de
report-col-lowest-capacity = Capacité minimale
report-col-time-below = Temps sous la capacité normale
report-col-mean-capacity = Capacité moyenne
report-col-deadline = Échéance
report-col-allowed = Délai accordé
report-col-started = Lancée
report-col-due = Pour
report-col-metric = Indicateur
report-col-good = Sens favorable
report-col-trend = Tendance T+00:00 → { $end }
report-col-worst = Pire
report-col-best = Meilleur
report-col-capacity-trend = Évolution de la capacité
report-col-lowest = Minimum
report-col-below-full = Sous la capacité normale
report-col-mean = Moyenne
report-col-service-capacity = Capacité des services (%)
report-no-checks = Le scénario ne définit aucun point de contrôle.
report-no-decisions = Aucune décision n’a été ouverte.
report-nothing-yet = Il ne s’est encore rien passé.
report-no-charts = Le scénario ne définit ni indicateur, ni système d’information, ni service de soins.
report-no-deadlines = Le scénario ne définit aucune échéance.
report-no-questions = Le scénario ne propose aucune question à discuter pour la partie jouée.
report-questions-intro = Questions que le scénario propose pour le débriefing à chaud, pour les phases jouées et les messages reçus par les équipes.
report-html-decide-note = Le temps de décision est le temps réel dans la salle depuis l’ouverture de la décision, pauses exclues. Les réponses attendues figurent dans l’annexe de l’animateur.
report-md-decide-note = Le temps de décision est le temps réel dans la salle depuis l’ouverture de la décision, pauses exclues. Les réponses attendues figurent dans l’annexe de l’animateur.
report-actions = Actions menées
report-votes-on = Votes sur « { $prompt } »
report-phase = Phase
report-message = Message
report-sources-of-scenario = Sources du scénario
report-exercise-data = Données de l’exercice
report-row-journal = Journal
report-entries =
    { $n -> 
        [one] { $n } entrée
       *[other] { $n } entrées
    }
report-row-forked = Dérivé de
report-warn-cut-short = la dernière ligne du journal était tronquée (sans doute par un arrêt brutal pendant l’écriture) et a été ignorée
report-forked-from =
    { $n ->
        [one] { $name } (première entrée)
       *[other] { $name } ({ $n } premières entrées)
    }
report-resumed-after = reprise après une interruption de { $gap }
report-val-unchanged = inchangé
report-val-more = … et { $n } de plus
report-val-by = par { $name }
report-val-undone = annulé
report-row-recorded-with = Enregistré avec
report-row-seed = Graine
report-row-source = Source du scénario
report-row-hash = Empreinte du scénario
report-row-authors = Auteurs du scénario
report-row-started-at = Début
report-timeout = temps écoulé : option par défaut
report-outcome = Conséquence : { $label }
report-md-outcome = conséquence : { $label }
report-undone = Choisi d’abord, puis annulé : { $options }
report-md-undone = d’abord { $options }, annulé
report-still-open = encore ouverte
report-not-taken = non prise avant la fin
report-scenario-time-of = temps du scénario { $span }
report-md-took = { $real } (scénario { $span })
report-later-undone = annulé ensuite
report-to-spare = { $span } d’avance
report-met-by-others = Tenue par d’autres
report-md-met-by-others = tenue par d’autres
report-not-team = pas une décision d’équipe
report-countdown-stopped = Compte à rebours de la menace arrêté
report-countdown-ran-out = Compte à rebours de la menace écoulé
report-md-countdown-stopped = compte à rebours de la menace arrêté
report-md-countdown-ran-out = compte à rebours de la menace écoulé
report-not-scored = non noté
report-still-running = Toujours en cours à la fin de l’exercice
report-md-still-running = toujours en cours à la fin de l’exercice
report-running = En cours
report-md-running = en cours
report-not-started = Non lancée
report-md-not-started = non lancée

## Markdown annexes only
report-md-high = ↑ haut
report-md-low = ↓ bas
report-values-over-time = Valeurs au fil du temps du scénario :
report-below = sous { $value }
report-above = au-dessus de { $value }
report-or = {" "}ou{" "}
report-thresholds = Seuils : { $list }.

## For the facilitator (src/report/html/facilitator.rs, src/report/markdown/facilitator.rs)
report-facilitator-intro = Cette annexe contient les réponses attendues du scénario et le score, pour l’animateur et les évaluateurs. Le score est une aide au débriefing, pas une note des équipes ; le corps du rapport n’en dépend pas.
report-guidance = Les recommandations du scénario
report-no-decision-taken = Aucune décision n’a été prise.
report-col-guidance = Recommandation
report-col-as-recommended = Conforme
report-yes = oui
report-no = non
report-as-recommended =
    { $k } { $n -> 
        [one] décision sur { $n } conforme
       *[other] décisions sur { $n } conformes
    } aux recommandations du scénario.
report-score = Score
report-score-provisional = Score (provisoire)
report-no-score = Cet exercice n’a pas de score (exercice de discussion) : voir les points de contrôle, les échéances et les évaluations.
report-grade = appréciation { $grade } : { $label }
report-md-grade = appréciation { $grade } ({ $label })
report-col-final-value = Valeur finale
report-col-weight = Poids
report-col-goodness = Qualité
report-col-points = Points
report-col-change = Changement
report-col-reason = Motif
report-score-method = Chaque indicateur est ramené de sa pire à sa meilleure valeur (0–100 %), pondéré, puis additionné.
report-overrides = Corrections de l’animateur qui ont modifié le score :

## Skill and luck (src/report/html/luck.rs, src/report/markdown/luck.rs)
report-luck-lead-html = Vos décisions, rejouées { $runs } fois avec d’autres tirages : score attendu <strong>{ $expected }</strong> (p5–p95 { $p5 }–{ $p95 }) ; cette partie : <strong>{ $run }</strong> ; chance : <strong>{ $luck }</strong>.
report-luck-lead-md = Vos décisions, rejouées { $runs } fois avec d’autres tirages : score attendu **{ $expected }** (p5–p95 { $p5 }–{ $p95 }) ; cette partie : **{ $run }** ; chance : **{ $luck }**.
report-with-your-decisions = Avec vos décisions : { $list }.
report-this-run = Cette partie : { $title }.
report-no-alternative = Aucune de vos décisions n’avait d’alternative pouvant être essayée.
report-col-your-choice = Votre choix : score attendu
report-col-other-options = Autres options : score attendu (écart)
report-col-arose = Survenue dans
report-of = { $k } sur { $n }
report-dice = Le hasard, pas les choix
report-no-chance = Rien dans cette partie n’a été laissé au hasard.
report-did-not-happen = { $what } n’a pas eu lieu

## Executive summary sentences (src/report/build/summary.rs)
report-x-not-started = L’exercice « { $title } » n’a pas commencé : le journal s’arrête au briefing.
report-x-team-one = l’équipe { $team }
report-x-teams = les équipes { $teams }
report-x-played = « { $title } » a été joué par { $who } pendant { $real } de temps réel, couvrant { $span } de temps du scénario.
report-x-played-on = « { $title } » a été joué par { $who } le { $date } pendant { $real } de temps réel, couvrant { $span } de temps du scénario.
report-x-ended = L’exercice s’est terminé à { $offset } ({ $clock }) sur « { $title } ».
report-x-ended-by-facilitator = L’exercice s’est terminé à { $offset } ({ $clock }) sur « { $title } », sur décision de l’animateur.
report-x-in-progress = L’exercice est toujours en cours à { $offset }.
report-x-checks = Points de contrôle remplis : { $met } sur { $judged }.
report-x-took =
    { $teams -> 
        [one] L’équipe a pris
       *[other] Les équipes ont pris
    } { $n -> 
        [one] { $n } décision
       *[other] { $n } décisions
    }{ $timeouts }{ $average }.
report-x-timeouts =
    , dont { $n -> 
        [one] { $n } par défaut
       *[other] { $n } par défaut
    } faute de temps
report-x-average = , en { $time } en moyenne
report-x-deadlines-missed =
    { $n -> 
        [one] { $n } échéance a été manquée.
       *[other] { $n } échéances ont été manquées.
    }
report-x-met-by-others =
    { $n -> 
        [one] { $n } échéance a été tenue
       *[other] { $n } échéances ont été tenues
    } par d’autres, pas par une décision d’équipe.
report-x-rating-count = { $n } { $letter } ({ $text })
report-x-not-rated =
    L’évaluateur n’a pas encore noté { $n -> 
        [one] l’objectif
       *[other] les { $n } objectifs
    } ; la section 3 présente les éléments et une évaluation suggérée pour chacun.
report-x-rated-all =
    L’évaluateur a noté { $n -> 
        [one] l’objectif
       *[other] les { $n } objectifs
    } : { $list }.
report-x-rated-some =
    L’évaluateur a noté { $k } { $n -> 
        [one] objectif sur { $n }
       *[other] objectifs sur { $n }
    } : { $list } ; { $pending } en attente.
report-x-more = et { $n } de plus
report-x-objective = Objectif { $n }
report-x-objective-cap = Objectif { $n } ({ $capability })
report-x-other = Autres bonnes pratiques
report-x-line = { $head } : { $list }.
report-x-deadline-missed = Échéance manquée : { $label } ({ $span } accordés{ $at }).
report-x-missed-at = , manquée à { $offset }
report-x-decisive-better = « { $prompt } »{ $when } : l’équipe a choisi « { $own } » ; « { $other } » aurait relevé le score attendu de { $points } points.
report-x-decisive-best = « { $prompt } »{ $when } : l’équipe a choisi « { $own } », la meilleure des options essayées ; la suivante, « { $other } », aurait modifié le score attendu de { $diff }.
report-x-luck-none = Les décisions de l’équipe n’ont pas pu être rejouées jusqu’à une fin ({ $k } reprises abouties sur { $n }).
report-x-luck-played = Rejoué { $n } fois avec les mêmes décisions et d’autres tirages
report-x-luck-same-ending = , l’exercice se termine sur « { $title } », comme dans cette partie, dans { $share } des cas
report-x-luck-most-often = (le plus souvent : « { $title } », { $share })
report-x-luck-scores = Ces décisions obtiennent { $mean } en moyenne (p5–p95 { $p5 }–{ $p95 }) ; cette partie a obtenu { $run }, soit { $diff } :
report-x-luck-even = le résultat correspond à peu près à ce que ces décisions rendent probable ; il doit plus aux décisions qu’au hasard.
report-x-luck-kind = le hasard a été plus clément que d’habitude ; les mêmes décisions auraient souvent fait moins bien.
report-x-luck-harsh = le hasard a été plus sévère que d’habitude ; les mêmes décisions auraient généralement fait mieux.
report-x-issue-check = Non atteint : { $title }
report-x-issue-deadline = Échéance manquée : { $label }
report-x-plan-within = Prévoir qui s’en charge, et comment, dans un délai de { $span }.
report-x-fig-checks =
    { $met } { $n -> 
        [one] point de contrôle rempli sur { $n }
       *[other] points de contrôle remplis sur { $n }
    }{ $open }
report-x-fig-open = ({ $n } encore en suspens)
report-x-fig-deadlines =
    { $met -> 
        [one] { $met } échéance tenue
       *[other] { $met } échéances tenues
    }, { $missed } manquée(s){ $others } (les comptes à rebours de la menace ne sont pas comptés)
report-x-fig-others = , { $n } tenue(s) par d’autres
report-x-fig-decisions =
    { $n -> 
        [one] { $n } décision prise
       *[other] { $n } décisions prises
    }, dont { $timeouts } par défaut faute de temps
report-x-fig-mean = Temps moyen de décision : { $time } (temps réel, pauses exclues{ $timeouts })
report-x-fig-mean-timeouts =
     ; { $n -> 
        [one] { $n } dépassement compté à sa limite
       *[other] { $n } dépassements comptés à leur limite
    }
report-x-fig-interventions =
    Interventions de l’animateur : { $undos -> 
        [one] { $undos } annulation
       *[other] { $undos } annulations
    }, { $curveballs -> 
        [one] { $curveballs } imprévu
       *[other] { $curveballs } imprévus
    }, { $overrides -> 
        [one] { $overrides } correction d’indicateur
       *[other] { $overrides } corrections d’indicateurs
    }

## Skill and luck explanations (src/report/luck.rs)
report-luck-base-outcome = reprises ayant choisi la même option
report-luck-base-inject = reprises où le tirage a eu lieu
report-luck-base-other = reprises
report-luck-chance = { $share } de chances compte tenu de vos choix précédents ({ $k } sur { $n } { $base })
report-luck-no-draw = aucune reprise n’a fait ce tirage ({ $base } : 0)
report-luck-method = Chaque reprise relance le scénario avec les paramètres de cet exercice sous une autre graine (dérivée de celle du journal, si bien que cette section est toujours la même) et répond à chaque décision dès son ouverture : avec votre option, ou, si elle n’est pas disponible à ce moment, l’option recommandée, puis la première disponible. Les alternatives sont essayées dans les { $runs } premières reprises : à chacune de vos décisions, chaque autre option disponible est jouée jusqu’à la fin à partir du même moment, avec les mêmes tirages, vos choix ultérieurs étant conservés.
report-luck-left-out = { $k } des { $n } reprises n’ont pas pu être jouées jusqu’à une fin et sont écartées.
report-luck-interventions =
    { $n -> 
        [one] L’intervention de l’animateur
       *[other] Les { $n } interventions de l’animateur
    } (imprévus, corrections d’indicateurs, fin anticipée) ne sont pas rejouées.
report-luck-table-note = Scores finaux attendus sur les reprises (parmi les { $runs } premières) où la décision s’est présentée ; l’écart est calculé par rapport à votre option avec les mêmes tirages.

## Votes from the seats (src/report/votes.rs)
report-v-option =
    { $label } : { $n -> 
        [one] { $n } voix
       *[other] { $n } voix
    }{ $names }
report-v-first = premier vote { $time } après le message
report-v-decided = décision { $time } après
report-v-voted =
    { $n -> 
        [one] { $n } membre a voté
       *[other] { $n } membres ont voté
    } ; { $times }.
report-v-overruled = Décision imposée par l’animateur : { $option }
report-v-overruled-majority = Décision imposée par l’animateur, contre la majorité : { $option }
report-v-lead-against = Décidé par le responsable ({ $lead }) contre la majorité.
report-v-lead = Soumis par le responsable ({ $lead }).
report-v-against = Décidé contre la majorité des voix.
report-v-no-votes = { $group } : aucun vote depuis les postes.
report-v-mean =  ; premier vote en moyenne { $time } après le message
report-v-group = { $group } : votes sur { $k } des { $n } décisions ({ $ballots } bulletins) ; { $against } contre la majorité{ $mean }.

## Comparison of groups (src/report/html/compare.rs, src/report/markdown/compare.rs)
report-c-kicker = Rapport de retour d’expérience · Comparaison de { $n } groupes
report-c-html-draft = <strong>Projet.</strong> Généré par Downtime à partir des journaux d’exercice des groupes. Le rapport complet de chaque groupe suit la comparaison.
report-c-md-draft = **Projet** généré par Downtime à partir des journaux d’exercice des groupes. Le rapport complet de chaque groupe suit la comparaison.
report-c-leaderboard = Classement
report-c-divergences = Là où les groupes ont divergé
report-c-metrics = Indicateurs comparés
report-c-checks = Points de contrôle comparés
report-c-group-report = Rapport du groupe : { $label }
report-c-col-rank = Rang
report-c-col-group = Groupe
report-c-col-checks = Points de contrôle remplis
report-c-col-deadlines = Échéances tenues / manquées
report-c-col-decisions = Décisions (recommandées)
report-c-col-mean = Temps moyen de décision
report-c-col-parameters = Paramètres
report-c-in-progress = en cours
report-c-not-reached = non atteinte
report-c-votes = Votes depuis les postes
report-c-same-way = Tous les groupes ont pris chaque décision de la même façon.
report-c-parted = les groupes ont divergé ici
report-c-decision-for = Décision pour { $team }, ouverte pour la première fois à { $offset }
report-c-md-decision-for = Décision pour { $team }.
report-c-col-choice = Choix
report-c-col-right-after = Juste après
report-c-col-final = Score final et fin
report-c-md-col-final = Score final, fin
report-c-col-only = Ce qui n’a suivi que sur cette branche
report-c-recommended = recommandé
report-c-score = score { $score }
report-c-time-ran-out = temps écoulé
report-c-agreements = Décisions prises de la même façon par tous les groupes
report-c-md-agreements = Décisions prises de la même façon par tous les groupes :
report-c-md-parted = les groupes ont divergé ici
report-c-not-taken = non prise
report-c-played-version = { $group } a joué la version { $version }
report-c-versions-differ = les groupes ont joué des versions différentes du fichier de scénario ({ $list }) ; les décisions sont appariées par identifiant

## Timeline kinds, check windows, ratings (src/report/model.rs, src/report/build/mod.rs)
report-kind-start = Début
report-kind-phase = Phase
report-kind-inject = Message
report-kind-curveball = Imprévu
report-kind-action = Action
report-kind-decision = Décision
report-kind-timeout = Temps écoulé
report-kind-undo = Annulation
report-kind-override = Correction
report-kind-note = Note
report-kind-pause = Pause
report-kind-resume = Reprise
report-kind-random = Événement aléatoire
report-kind-prevented = Évité
report-kind-cancelled = Annulé
report-kind-deadline = Échéance
report-kind-deadline-met = Échéance tenue
report-kind-deadline-missed = Échéance manquée
report-kind-countdown-stopped = Compte à rebours arrêté
report-kind-countdown-expired = Compte à rebours écoulé
report-kind-rating = Évaluation
report-kind-check-met = Point de contrôle rempli
report-kind-check-missed = Point de contrôle manqué
report-kind-ending = Fin
report-window-from = dans les { $span } suivant « { $inject } »
report-window-start = dans les { $span } suivant le début
report-window-end = évalué à la fin

## Timeline entries (src/report/build/timeline.rs)
report-t-started = Début de l’exercice
report-t-parameters = Paramètres : { $list }
report-t-phase = Phase { $n } : { $title }
report-t-to-hidden = l’animateur seulement (caché)
report-t-to-all = toutes les équipes
report-t-inject = { $channel } à { $to } ; gravité { $severity }
report-t-inject-from = { $channel } à { $to }, expéditeur : { $sender } ; gravité { $severity }
report-t-outcome = conséquence : { $label }
report-t-decided-in = décidé en { $real } (temps du scénario { $span })
report-t-taken-by = menée par { $who }
report-t-undone = Annulé : { $option } ({ $team })
report-t-undone-detail = { $prompt } ; l’exercice est revenu au moment précédant cette décision
report-t-rewound = Retour juste avant l’entrée { $entry } du journal
report-t-rewound-detail =
    { $n -> 
        [one] { $n } commande annulée
       *[other] { $n } commandes annulées
    } ; l’exercice est revenu à ce moment
report-t-reason = motif : { $reason }
report-t-no-reason = aucun motif indiqué
report-t-override = { $metric } fixé par l’animateur : { $from } → { $to }
report-t-note = Note de l’animateur
report-t-paused = Horloge en pause
report-t-resumed = Reprise de l’horloge
report-t-prevented = Évité : { $title }
report-t-prevented-guard = sa condition `unless` était vraie à l’échéance
report-t-prevented-lapsed = sa condition n’était plus vraie à l’échéance ; il l’attend de nouveau
report-t-cancelled = Annulé : { $title }
report-t-cancelled-detail = il était en attente ; un effet `cancel(...)` l’a retiré du programme
report-t-countdown-started = Compte à rebours de la menace lancé : { $label }
report-t-deadline-started = Échéance lancée : { $label }
report-t-due = pour { $due } ({ $span } accordés)
report-t-countdown-stopped = Compte à rebours de la menace arrêté : { $label }
report-t-countdown-ran-out = Compte à rebours de la menace écoulé : { $label }
report-t-met-by-others = Échéance tenue par d’autres : { $label }
report-t-deadline-met = Échéance tenue : { $label }
report-t-deadline-missed = Échéance manquée : { $label }
report-t-threat-note = compte à rebours d’une menace : ni tenu ni manqué par l’équipe au score
report-t-check-met = Bonne pratique respectée : { $title }
report-t-check-missed = Bonne pratique manquée : { $title }
report-t-confirmed-open = confirmée avec des décisions encore ouvertes
report-t-ending = Fin : { $title }
report-t-rated = L’évaluateur a noté « { $objective } » : { $letter }

## Charts of the HTML report (src/report/html/annex.rs, src/report/html/compare.rs)
report-g-below = { $label } (sous { $value })
report-g-above = { $label } (au-dessus de { $value })
report-g-higher = ↑ plus c’est haut, mieux c’est
report-g-lower = ↓ plus c’est bas, mieux c’est
report-g-caption = { $metric } : { $direction }. Début à { $start }, fin à { $end } ({ $at }) ; pire { $worst } à { $worst_at }, meilleur { $best } à { $best_at }{ $band }.
report-g-band =  ; à la fin : { $band }
report-g-over-time = { $metric } au fil du temps du scénario
report-g-systems-title = États des systèmes d’information au fil du temps du scénario
report-g-systems-caption = États de chaque système au fil du temps du scénario, par motif et par nom d’état ; le tableau donne les durées.
report-g-system-desc = { $name } : en panne { $down }, dégradé { $impaired }, { $end } à la fin
report-g-services-title = Capacité des services de soins au fil du temps du scénario (%)
report-g-services-caption = Capacité de chaque service (100 % = normale) ; les courbes se distinguent par la couleur, le tiret et le marqueur.
report-g-service-desc = { $name } : minimum { $lowest } à { $at }, moyenne { $mean }, { $end } à la fin
report-g-each-group = { $metric } de chaque groupe au fil du temps du scénario
report-g-final-values-desc = { $direction } ; valeurs finales : { $list }
report-g-compare-caption = { $metric } : { $direction }. Valeurs finales : { $list }.
