# Le dossier d’exercice HSEEP : manuel de situation, guide de l’animateur et des évaluateurs,
# questionnaire des participants (src/package). Mêmes clés que en/package.ftl.

## Shared
package-contents = Sommaire
package-version = Version du scénario : { $version }
package-module = Module { $n } : { $title }
package-questions = Questions à discuter
package-objectives = Objectifs et capacités
package-no-objectives = Le scénario ne définit aucun objectif.
package-col-number = N°
package-col-team = Équipe
package-col-responsibilities = Responsabilités
package-col-objective = Objectif
package-col-capability = Capacité fondamentale

## Situation manual (src/package/sitman.rs)
package-sitman = Manuel de situation
package-sitman-marking = Pour les joueurs
package-purpose = Objet
package-sitman-purpose = Ce manuel de situation donne aux joueurs de « { $title } » ce qu’il leur faut pour prendre part à l’exercice : son périmètre, ses objectifs, la situation de départ, les modules à traiter et les règles du jeu. L’animateur détient le reste : les messages, les décisions et leurs suites se découvrent en cours d’exercice.
package-scope = Périmètre
package-scope-duration = L’exercice est un exercice sur table fondé sur la discussion, d’environ { $duration } en salle, en { $phases ->
    [one] un module
   *[other] { $phases } modules
}.
package-scope-phases = L’exercice est un exercice sur table fondé sur la discussion, en { $phases ->
    [one] un module
   *[other] { $phases } modules
}.
package-teams = Équipes participantes
package-in-play = Ce qui est joué
package-in-play-teams = Les équipes ci-dessus, dans les fonctions qu’elles tiennent au quotidien, et les décisions que leurs plans et procédures leur confient.
package-in-play-systems = Systèmes d’information du tableau de situation :
package-in-play-services = Services de soins du tableau de situation :
package-out-of-play = Ce qui n’est pas joué
package-out-of-play-real = Les vrais patients, les vrais systèmes et les vraies opérations : rien n’est éteint, appelé ni envoyé pour de vrai.
package-out-of-play-outside = Les organismes et les personnes extérieurs à la salle, sauf quand l’animateur les joue.
package-out-of-play-people = La performance des personnes : l’exercice évalue les plans, les procédures et les capacités.
package-scenario = Le scénario
package-setting = Contexte
package-summary = Résumé
package-rules = Règles de l’exercice
package-how-to-play = Déroulement de l’exercice
package-ground-rules = Règles du jeu
package-rule-real = Ceci est un exercice : aucune action n’est menée pour de vrai, et la situation est fictive même lorsqu’elle s’inspire de faits réels.
package-rule-role = Jouez votre propre rôle et répondez comme vos plans, vos procédures et votre autorité le permettent, avec les moyens dont vous disposez réellement.
package-rule-no-hidden = Il n’y a ni question piège ni intention cachée ; le scénario est plausible et ses détails ne se discutent pas.
package-rule-time = Les messages et les décisions arrivent au rythme de l’exercice : l’horloge peut avancer d’un bond entre deux modules.
package-rule-assumptions = Quand une information manque, faites une hypothèse raisonnable, dites-la à voix haute et poursuivez.
package-rule-decide = Les décisions se prennent en discutant : prenez la parole, exprimez vos désaccords et dites ce qu’il vous faudrait pour décider.
package-rule-phones = Réservez téléphones et courriels aux vraies urgences ; une vraie urgence arrête l’exercice.
package-no-fault-label = Exercice sans faute.
package-no-fault = Cet exercice est un lieu sûr pour apprendre. Il met à l’épreuve les plans, les procédures et les systèmes, pas les personnes : personne n’est noté, et ce qui se dit ici ne sert qu’à améliorer la réponse de l’établissement.
package-cast = Les personnes que vous rencontrerez
package-cast-intro = Des messages peuvent venir de ces personnes, jouées par l’animateur.
package-col-name = Nom
package-col-role = Fonction
package-col-organisation = Organisme
package-sources = Sources
package-sources-intro = Le scénario s’appuie sur ces sources publiques.

## Facilitator and evaluator guide (src/package/guide.rs)
package-guide = Guide de l’animateur et des évaluateurs
package-guide-marking = Réservé à l’animateur et aux évaluateurs
package-guide-about = À propos de ce guide
package-guide-intro = Ce guide est destiné à l’animateur et aux évaluateurs de « { $title } ». Pour chaque module, il donne le briefing, les notes de l’animateur, les messages dans l’ordre prévu avec leurs décisions, et les questions à discuter ; puis, pour chaque objectif, les tâches critiques, leurs éléments de preuve et une grille d’évaluation.
package-guide-warning-label = Ne pas communiquer aux joueurs.
package-guide-warning = Ce guide contient les messages avant leur arrivée, les décisions avec leurs options recommandées et ce qui est attendu des équipes.
package-overview = L’exercice en bref
package-duration = Durée :
package-scenario-start = Début du scénario :
package-teams-label = Équipes :
package-counts = { $phases ->
    [one] Un module
   *[other] { $phases } modules
}, { $messages ->
    [one] un message
   *[other] { $messages } messages
}, { $decisions ->
    [one] une décision
   *[other] { $decisions } décisions
}.
package-params = Réglages choisis au briefing
package-col-setting = Réglage
package-col-default = Valeur par défaut
package-cast-guide = Les personnages : comment les jouer
package-col-how-to-play = Comment le jouer
package-col-secrets = Ce qu’il garde pour lui
package-starts = Début :
package-estimate = Temps prévu en salle :
package-briefing = Briefing
package-facilitator-notes = Notes de l’animateur
package-messages = Messages
package-no-messages = Aucun message n’est prévu à heure fixe dans ce module.
package-other-messages = Messages sans heure fixe
package-other-messages-intro = Imprévus, suites des choix des équipes et messages qui attendent une condition, dans l’ordre du fichier.
package-when = Quand :
package-channel = Canal :
package-from = De :
package-to = À :
package-hidden = Caché : pour l’animateur seul, jamais montré aux équipes.
package-attachment = Pièce jointe :
package-notes = Notes :
package-inject-questions = Questions sur ce message
package-decision = Décision de l’équipe { $team } :
package-col-option = Option
package-col-recommended = Recommandée
package-recommended-mark = ✓ recommandée
package-recommended = Recommandée :
package-none-recommended = aucune option n’est marquée comme recommandée
package-time-limit = Délai :
package-limit-real = { $duration } en salle
package-limit-scenario = { $duration } de temps du scénario
package-timeout = { $limit } ; sans décision : { $default }
package-discussion-points = Points à faire ressortir dans la discussion
package-objective = Objectif { $n } : { $text }
package-capability = Capacité fondamentale :
package-no-tasks = Aucune tâche critique n’est définie pour cet objectif.
package-task = Tâche critique { $n } : { $text }
package-target = Cible :
package-evidence = Éléments de preuve (points de contrôle des bonnes pratiques qui la mesurent)
package-no-evidence = Aucun point de contrôle ne mesure cette tâche : elle repose sur les observations des évaluateurs.
package-eeg = Grilles d’évaluation de l’exercice
package-eeg-intro = Une grille par objectif. Notez ce que vous observez pour chaque tâche critique, cochez une évaluation pour chacune, puis évaluez l’objectif dans son ensemble.
package-eeg-sheet = Grille d’évaluation, objectif { $n } : { $text }
package-evaluator = Nom de l’évaluateur et date :
package-observations = Observations (ce qui a été fait, quand, par qui) :
package-task-rating = Évaluation de la tâche :
package-objective-rating = Évaluation de l’objectif
package-rating = Évaluation :
package-rating-reason = Motifs de l’évaluation :
package-col-rating = Évaluation
package-col-meaning = Signification

## Participant feedback form (src/package/feedback.rs)
package-feedback = Questionnaire des participants
package-feedback-intro = Merci d’avoir participé à « { $title } ». Vos réponses aident à améliorer l’exercice et les plans qu’il met à l’épreuve. Le nom est facultatif.
package-feedback-about = Vous (facultatif)
package-feedback-name = Nom :
package-feedback-role = Fonction ou poste :
package-feedback-team = Équipe :
package-feedback-ratings = Vos appréciations
package-feedback-scale = Cochez une case par affirmation : 1 pas du tout d’accord, 2 plutôt pas d’accord, 3 ni d’accord ni en désaccord, 4 plutôt d’accord, 5 tout à fait d’accord.
package-feedback-statement = Affirmation
package-feedback-objectives-clear = Les objectifs de l’exercice étaient clairs.
package-feedback-objective-met = L’exercice nous a aidés à travailler cet objectif : { $objective }
package-feedback-realistic = Le scénario était réaliste.
package-feedback-materials = Les supports (manuel de situation, messages, tableau de situation) étaient utiles.
package-feedback-facilitation = L’animation a bien tenu le fil de l’exercice.
package-feedback-time = Le temps laissé aux discussions était suffisant.
package-feedback-role-clear = Je comprends mieux mon rôle lors d’un incident réel.
package-feedback-plans = L’exercice a montré comment nos plans et procédures fonctionnent en pratique.
package-feedback-participants = Les bonnes personnes et les bonnes fonctions étaient présentes.
package-feedback-better-prepared = Après cet exercice, je suis mieux préparé(e) à un incident réel.
package-feedback-strengths = Points forts
package-feedback-strengths-prompt = Qu’est-ce qui a bien fonctionné ? Quels points forts l’exercice a-t-il montrés ?
package-feedback-improve = Axes d’amélioration
package-feedback-improve-prompt = Que faudrait-il améliorer, dans les plans, dans la réponse ou dans l’exercice lui-même ?
package-feedback-differently = Ce que je ferai différemment
package-feedback-differently-prompt = Après cet exercice, que ferez-vous, vérifierez-vous ou changerez-vous dans votre propre travail ?
package-feedback-comments = Autres commentaires
package-feedback-comments-prompt = Tout ce que vous souhaitez dire à l’équipe d’exercice.
package-feedback-thanks = Merci. Remettez ce questionnaire à l’animateur avant de partir.

## The trigger of a message in words (src/msel/export.rs; English in the MSEL, the guide's language in the guide)
msel-trigger-at = à { $offset }
msel-trigger-after = après { $what }
msel-trigger-after-delay = { $delay } après { $what }
msel-trigger-option = l’option « { $label } » ({ $decision })
msel-trigger-outcome-of-option = l’issue « { $outcome } » de l’option « { $option } »
msel-trigger-outcome-of-action = l’issue « { $outcome } » de l’action « { $action } »
msel-trigger-action = l’action « { $action } »
msel-trigger-inject = le message « { $title } »
msel-trigger-phase-start = le début de la phase « { $phase } »
msel-trigger-deadline-met = l’échéance « { $deadline } » tenue
msel-trigger-deadline-missed = l’échéance « { $deadline } » manquée
msel-trigger-random-event = l’événement aléatoire « { $event } »
msel-trigger-later = { $what }, { $delay } plus tard
msel-trigger-when = quand { $condition }
msel-trigger-when-delay = { $delay } après : quand { $condition }
msel-trigger-a-condition = une condition est remplie
msel-trigger-curveball = imprévu (lancé par l’animateur)
msel-trigger-facilitator-only = lancé par l’animateur seulement
msel-trigger-scheduled-by = programmé par { $who }
msel-trigger-follow-up-of = suite de { $what }
msel-trigger-or = ou
msel-trigger-chance = probabilité { $chance }
